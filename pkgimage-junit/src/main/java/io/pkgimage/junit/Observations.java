package io.pkgimage.junit;

/**
 * Values a test records so that its plain and imaged runs can be compared exactly; a test method declares a
 * parameter of this type. Values are compared by their {@code String.valueOf}, arrays by their contents.
 */
public interface Observations {
    /**
     * Records {@code value} under {@code name}; a later value under the same name replaces the earlier one.
     *
     * @param name not empty
     * @param value may be {@code null}
     */
    void record(String name, Object value);
}
