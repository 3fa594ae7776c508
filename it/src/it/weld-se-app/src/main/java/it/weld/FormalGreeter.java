package it.weld;

import jakarta.enterprise.context.Dependent;

@Formal
@Dependent
public class FormalGreeter implements Greeter {

    @Override
    public String greet(String name) {
        return "Good day, " + name;
    }
}
