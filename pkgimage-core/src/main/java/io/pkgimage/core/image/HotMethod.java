package io.pkgimage.core.image;

/**
 * A method of the package or of its dependencies that the JIT compiled while the package's tests ran.
 *
 * @param className the binary name with dots, for example {@code com.acme.Codec}
 * @param method the method name
 * @param descriptor the JVM descriptor, for example {@code (Ljava/lang/String;)I}
 * @param level the highest tier it reached (1 to 4; 4 is C2)
 */
public record HotMethod(String className, String method, String descriptor, int level)
        implements Comparable<HotMethod> {
    public HotMethod {
        for (String part : new String[] {className, method, descriptor}) {
            if (part.isEmpty() || part.chars().anyMatch(c -> c <= ' ')) {
                throw new IllegalArgumentException("Invalid hot method part '" + part + "'");
            }
        }
        if (level < 1 || level > 4) {
            throw new IllegalArgumentException("Invalid compile level " + level + " for " + className + "." + method);
        }
    }

    @Override
    public int compareTo(HotMethod o) {
        int c = className.compareTo(o.className);
        c = c != 0 ? c : method.compareTo(o.method);
        c = c != 0 ? c : descriptor.compareTo(o.descriptor);
        return c != 0 ? c : Integer.compare(level, o.level);
    }
}
