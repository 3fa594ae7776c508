package io.pkgimage.benchmarks.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.lang3.ArrayUtils;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.builder.EqualsBuilder;
import org.apache.commons.lang3.builder.HashCodeBuilder;
import org.apache.commons.lang3.builder.ToStringBuilder;
import org.apache.commons.lang3.builder.ToStringStyle;
import org.apache.commons.lang3.math.NumberUtils;
import org.apache.commons.lang3.reflect.FieldUtils;
import org.apache.commons.lang3.reflect.MethodUtils;
import org.junit.jupiter.api.Test;

/** How a package typically uses commons-lang3: strings, builders, reflection helpers, arrays and numbers. */
class Lang3TrainingTests {
    static final class Point {
        private final int x;
        private final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        public int sum() {
            return x + y;
        }
    }

    @Test
    void strings() {
        assertTrue(StringUtils.isBlank("  "));
        assertEquals("Hello", StringUtils.capitalize("hello"));
        assertEquals("abc...", StringUtils.abbreviate("abcdefghij", 6));
        assertEquals("a-b", StringUtils.join(new String[] {"a", "b"}, '-'));
        assertEquals("ABC", StringUtils.upperCase("abc"));
        assertEquals(2, StringUtils.countMatches("a:b:c", ':'));
        assertEquals("b", StringUtils.substringBetween("a[b]c", "[", "]"));
    }

    @Test
    void builders() {
        Point a = new Point(1, 2);
        assertTrue(ToStringBuilder.reflectionToString(a, ToStringStyle.SHORT_PREFIX_STYLE)
                .startsWith("Lang3TrainingTests.Point[x=1"));
        for (ToStringStyle style : new ToStringStyle[] {
            ToStringStyle.DEFAULT_STYLE,
            ToStringStyle.JSON_STYLE,
            ToStringStyle.MULTI_LINE_STYLE,
            ToStringStyle.NO_CLASS_NAME_STYLE,
            ToStringStyle.SIMPLE_STYLE
        }) {
            assertTrue(ToStringBuilder.reflectionToString(a, style).contains("2"), style.toString());
        }
        assertEquals(
                "{\"x\":1,\"y\":2}",
                new ToStringBuilder(a, ToStringStyle.JSON_STYLE)
                        .append("x", 1)
                        .append("y", 2)
                        .toString()
                        .replaceAll("\\s", ""));
        assertTrue(EqualsBuilder.reflectionEquals(a, new Point(1, 2)));
        assertEquals(HashCodeBuilder.reflectionHashCode(a), HashCodeBuilder.reflectionHashCode(new Point(1, 2)));
    }

    @Test
    void reflectionArraysNumbers() throws Exception {
        Point p = new Point(3, 4);
        assertEquals(3, FieldUtils.readField(p, "x", true));
        assertEquals(7, MethodUtils.invokeMethod(p, "sum"));
        assertEquals(3, ArrayUtils.addAll(new int[] {1}, 2, 3).length);
        assertEquals(42, NumberUtils.toInt("42"));
    }
}
