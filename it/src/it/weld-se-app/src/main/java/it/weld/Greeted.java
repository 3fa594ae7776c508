package it.weld;

/** Fired by {@link GreetingService} after each greeting. */
public record Greeted(String name, String greeting) {
}
