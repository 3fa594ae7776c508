package it.weld;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/** Observes {@link Greeted} events. */
@ApplicationScoped
public class GreetingLog {

    private final List<String> names = new ArrayList<>();

    void onGreeted(@Observes Greeted event) {
        names.add(event.name());
    }

    public List<String> names() {
        return List.copyOf(names);
    }
}
