package it.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of Jupiter test, and every outcome: the harness must report each as the plain run does. */
class GreeterTests {
    private final Greeter greeter = new Greeter();

    @Test
    void runsTheProjectsOwnJUnit() {
        assertEquals(System.getProperty("expected.junit"), Test.class.getPackage().getImplementationVersion());
    }

    @Test
    void greets() {
        assertEquals("Hello, Ada", greeter.greet("Ada"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada", "Grace", "Barbara"})
    void greetsEach(String name) {
        assertEquals("Hello, " + name, greeter.greet(name));
    }

    @RepeatedTest(2)
    void greetsAgain() {
        assertEquals("Hello, Ada; Hello, Grace", greeter.greetAll(List.of("Ada", "Grace")));
    }

    @TestFactory
    Stream<DynamicTest> greetsDynamically() {
        return Stream.of("x", "y").map(n -> DynamicTest.dynamicTest("greets " + n, () -> assertEquals("Hello, " + n, greeter.greet(n))));
    }

    @Nested
    class WhenEmpty {
        @Test
        void greetsNobody() {
            assertEquals("", greeter.greetAll(List.of()));
        }
    }

    @Test
    @Disabled("off on purpose")
    void disabled() {}

    @Test
    void aborted() {
        assumeTrue(false, "never here");
    }

    @Test
    void failsOnPurpose() {
        assertEquals("Hello, Bob", greeter.greet("Alice"), "a failure the harness must report as one");
    }

    @Test
    void errsOnPurpose() {
        greeter.greet(null).substring(100);
    }
}
