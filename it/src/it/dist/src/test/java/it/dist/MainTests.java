package it.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTests {
    @Test
    void readsAndWritesAnOrder() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Main.Order order = mapper.readValue("{\"id\":\"B\",\"items\":[\"x\"],\"total\":1}", Main.Order.class);
        assertEquals(new Main.Order("B", List.of("x"), 1), order);
        assertEquals("{\"id\":\"B\",\"items\":[\"x\"],\"total\":1.0}", mapper.writeValueAsString(order));
    }

    @Test
    void runsItsMain() throws Exception {
        Main.main(new String[] {"t"});
    }
}
