package it.weld;

import jakarta.enterprise.context.Dependent;

@Casual
@Dependent
public class CasualGreeter implements Greeter {

    @Override
    public String greet(String name) {
        return "Hi " + name;
    }
}
