package it.weld;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

/** Produces configuration values from system properties. */
@ApplicationScoped
public class Settings {

    @Produces
    @Named("greeting.style")
    String style() {
        return System.getProperty("greeting.style", "formal");
    }
}
