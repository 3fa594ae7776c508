package it.fidelity;

/** A service the module provides through META-INF/services. */
public interface Greeting {
    String greet(String name);
}
