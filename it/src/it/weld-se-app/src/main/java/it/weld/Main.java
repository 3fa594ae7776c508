package it.weld;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

/** Boots the container by discovery, greets the arguments, prints one line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String[] names = args.length > 0 ? args : new String[] {"Ada", "Grace"};
        try (SeContainer container = SeContainerInitializer.newInstance().initialize()) {
            GreetingService service = container.select(GreetingService.class).get();
            StringBuilder greetings = new StringBuilder();
            for (String name : names) {
                greetings.append(service.greet(name)).append("; ");
            }
            System.out.println("weld-app: " + greetings
                    + "observed=" + container.select(GreetingLog.class).get().names()
                    + " audited=" + container.select(AuditLog.class).get().calls().size());
        }
    }
}
