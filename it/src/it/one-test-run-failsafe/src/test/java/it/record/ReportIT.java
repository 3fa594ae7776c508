package it.record;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportIT {
    @Test
    void rendersTheTitleFailsafeConfigured() {
        // Failsafe's systemPropertyVariables: recording runs the tests as Failsafe does, or this fails
        String json = Report.render(System.getProperty("report.title"), Map.of("apples", 3));
        assertTrue(json.contains("\"title\": \"Quarterly\""), json);
    }
}
