package it.dist;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/** A Java agent as APM agents are: it adds a class-file transformer (which changes nothing) and says so. */
public final class Agent {
    private Agent() {}

    public static void premain(String args, Instrumentation instrumentation) {
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(
                    ClassLoader loader, String name, Class<?> type, ProtectionDomain domain, byte[] bytes) {
                return null;
            }
        });
        System.err.println("agent: transformer added");
    }
}
