package it.weld;

/** Says hello to someone; two qualified implementations exist. */
public interface Greeter {

    String greet(String name);
}
