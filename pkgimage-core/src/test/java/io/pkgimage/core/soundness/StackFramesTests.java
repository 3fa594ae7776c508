package io.pkgimage.core.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackFramesTests {
    @Test
    void theFramesOfAPrintedTraceUpToItsFirstCauseWithoutTheirModules() {
        String trace = "org.opentest4j.AssertionFailedError: expected: <1> but was: <2>\n"
                + "\tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:151)\n"
                + "\tat com.acme.OrderTests.parses(OrderTests.java:42)\n"
                + "\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)\n"
                + "\t... 3 more\n"
                + "Caused by: java.lang.IllegalStateException: inner\n"
                + "\tat com.acme.Order.parse(Order.java:7)\n";

        StackTraceElement[] frames = StackFrames.parse(trace);

        assertThat(frames)
                .containsExactly(
                        new StackTraceElement(
                                "org.junit.jupiter.api.AssertionUtils", "fail", "AssertionUtils.java", 151),
                        new StackTraceElement("com.acme.OrderTests", "parses", "OrderTests.java", 42),
                        new StackTraceElement(
                                "jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", "Native Method", -1));
    }

    @Test
    void aLineNumberThatIsNotANumberIsNoneAndATraceWithoutFramesHasNone() {
        assertThat(StackFrames.parse("\tat a.B.c(B.java:x)"))
                .containsExactly(new StackTraceElement("a.B", "c", "B.java", -1));
        assertThat(StackFrames.parse("")).isEmpty();
        assertThat(StackFrames.parse("java.lang.Error: no frames")).isEmpty();
    }
}
