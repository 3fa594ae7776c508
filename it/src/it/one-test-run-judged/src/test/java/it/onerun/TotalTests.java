package it.onerun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TotalTests {
    @Test
    void theArgLineReachesTheTestJvm() {
        assertEquals("yes", System.getProperty("it.onerun.fromArgLine"));
    }

    @Test
    void totals() throws Exception {
        Orders.Order order = Orders.read("{\"id\":\"B-2\",\"items\":[\"bread\"],\"total\":2.0}");
        assertEquals("B-2", order.id());
        assertEquals("{\"id\":\"B-2\",\"items\":[\"bread\"],\"total\":2.0}", Orders.write(order));
        assertEquals(4.0, Orders.total(List.of(order, order)));
    }
}
