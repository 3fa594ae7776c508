package io.pkgimage.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassLoadLogTests {
    @Test
    void aClassFromTheStaticArchiveIsNamed() {
        assertThat(ClassLoadLog.classFromArchive(
                        "[0.065s][info][class,load] com.google.gson.Gson source: shared objects file"))
                .contains("com.google.gson.Gson");
        assertThat(ClassLoadLog.classFromArchive(
                        "[0.065s][info][class,load] java.util.logging.Level$$Lambda$22/0x80000002d"
                                + " source: shared objects file"))
                .contains("java.util.logging.Level$$Lambda$22/0x80000002d");
    }

    @Test
    void aLinePaddedToALongerTagSetIsReadAlike() {
        // the JVM pads decorations to the widest written to the same output ([jfr,startup], [gc,heap,exit], ...)
        assertThat(ClassLoadLog.classFromArchive(
                        "[0.657s][info ][class,load   ] com.acme.Main source: shared objects file"))
                .contains("com.acme.Main");
        assertThat(ClassLoadLog.classFromFile("[0.657s][info ][class,load ] com.acme.Main source: file:/app/app.jar"))
                .contains("com.acme.Main");
    }

    @Test
    void aClassReadFromAJarOrFolderIsNamedAsSuch() {
        assertThat(ClassLoadLog.classFromFile("[0.1s][info][class,load] com.google.gson.Gson source:"
                        + " file:/root/.m2/repository/com/google/code/gson/gson/2.13.2/gson-2.13.2.jar"))
                .contains("com.google.gson.Gson");
        assertThat(ClassLoadLog.classFromFile(
                        "[0.065s][info][class,load] com.google.gson.Gson source: shared objects file"))
                .isEmpty();
        assertThat(ClassLoadLog.classFromFile("[0.1s][info][class,load] java.lang.Object source: jrt:/java.base"))
                .isEmpty();
    }

    @Test
    void anyOtherSourceOrLineIsNot() {
        assertThat(ClassLoadLog.classFromArchive("[0.1s][info][class,load] com.google.gson.Gson source:"
                        + " file:/root/.m2/repository/com/google/code/gson/gson/2.13.2/gson-2.13.2.jar"))
                .isEmpty();
        assertThat(ClassLoadLog.classFromArchive(
                        "[0.1s][info][class,load] org.junit.Test source: shared objects file (top)"))
                .isEmpty();
        assertThat(ClassLoadLog.classFromArchive("[0.1s][info][class,load] java.lang.invoke.LambdaForm$MH/0x27046000"
                        + " source: __JVM_LookupDefineClass__"))
                .isEmpty();
        assertThat(ClassLoadLog.classFromArchive("source: shared objects file")).isEmpty();
        assertThat(ClassLoadLog.classFromArchive("Hello from main")).isEmpty();
    }
}
