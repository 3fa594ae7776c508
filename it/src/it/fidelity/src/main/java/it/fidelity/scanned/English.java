package it.fidelity.scanned;

import it.fidelity.Greeting;

public class English implements Greeting {
    @Override
    public String greet(String name) {
        return "Hello, " + name;
    }
}
