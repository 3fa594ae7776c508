package it.weld;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Greets with the greeter the produced style picks, and announces each greeting. */
@ApplicationScoped
public class GreetingService {

    @Inject
    @Formal
    Greeter formal;

    @Inject
    @Casual
    Greeter casual;

    @Inject
    @Named("greeting.style")
    String style;

    @Inject
    Event<Greeted> greeted;

    @Audited
    public String greet(String name) {
        String greeting = ("casual".equals(style) ? casual : formal).greet(name);
        greeted.fire(new Greeted(name, greeting));
        return greeting;
    }

    public String style() {
        return style;
    }
}
