package it.weld;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** What {@link AuditInterceptor} saw. */
@ApplicationScoped
public class AuditLog {

    private final List<String> calls = new ArrayList<>();

    void record(String method) {
        calls.add(method);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }
}
