package it.weld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.util.AnnotationLiteral;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every test boots a container that finds the beans by scanning target/classes (or the jar that replaces it). */
class GreetingServiceTests {

    private SeContainer container;

    @BeforeEach
    void boot() {
        container = SeContainerInitializer.newInstance().initialize();
    }

    @AfterEach
    void shutDown() {
        container.close();
        System.clearProperty("greeting.style");
    }

    @Test
    void discoveryFindsBothQualifiedGreeters() {
        assertEquals(2, container.getBeanManager().getBeans(Greeter.class, Any.Literal.INSTANCE).size());
        assertEquals("Good day, Ada",
                container.select(Greeter.class, new AnnotationLiteral<Formal>() {}).get().greet("Ada"));
        assertEquals("Hi Ada",
                container.select(Greeter.class, new AnnotationLiteral<Casual>() {}).get().greet("Ada"));
    }

    @Test
    void serviceIsAnInterceptedClientProxy() {
        GreetingService service = container.select(GreetingService.class).get();

        assertNotSame(GreetingService.class, service.getClass(), "a Weld proxy class generated at run time");
        assertEquals("Good day, Ada!", service.greet("Ada"));
        assertEquals("Good day, Grace!", service.greet("Grace"));
        assertEquals(List.of("greet", "greet"), container.select(AuditLog.class).get().calls());
    }

    @Test
    void producerMethodSuppliesTheStyle() {
        container.close();
        System.setProperty("greeting.style", "casual");
        container = SeContainerInitializer.newInstance().initialize();

        GreetingService service = container.select(GreetingService.class).get();

        assertEquals("casual", service.style());
        assertEquals("Hi Ada!", service.greet("Ada"));
    }

    @Test
    void observerSeesEveryGreeting() {
        GreetingService service = container.select(GreetingService.class).get();
        service.greet("Ada");
        service.greet("Grace");

        assertEquals(List.of("Ada", "Grace"), container.select(GreetingLog.class).get().names());
    }

    @Test
    void mainBootsItsOwnContainerAndPrintsOneLine() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[] {"Alan"});
        } finally {
            System.setOut(out);
        }

        assertEquals("weld-app: Good day, Alan!; observed=[Alan] audited=1",
                printed.toString(StandardCharsets.UTF_8).strip());
        assertEquals(List.of(), container.select(GreetingLog.class).get().names(), "a container of its own");
    }
}
