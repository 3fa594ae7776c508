package it.fidelity.scanned;

import it.fidelity.Greeting;

public class French implements Greeting {
    @Override
    public String greet(String name) {
        return "Bonjour, " + name;
    }
}
