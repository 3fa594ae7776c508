package io.pkgimage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pkgimage.core.compile.TestSelection;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurefireSettingsTests {
    private static final Path BASEDIR = Path.of("/m");

    @TempDir
    Path dir;

    private static Xpp3Dom xml(String text) throws Exception {
        return Xpp3DomBuilder.build(new StringReader(text));
    }

    @Test
    void noSurefireConfigurationMeansSurefireDefaults() {
        SurefireSettings settings =
                SurefireSettings.of((Plugin) null, SurefireSettings.Kind.SUREFIRE, name -> null, BASEDIR);

        assertThat(settings.selection()).isEqualTo(TestSelection.defaults());
        assertThat(settings.systemProperties()).isEmpty();
        assertThat(settings.jvmArguments()).isEmpty();
        assertThat(settings.notHonoured()).isEmpty();
        assertThat(settings.workingDirectory()).isEmpty();
    }

    @Test
    void readsWhatShapesTheTestRun() throws Exception {
        // GIVEN a Surefire configuration with every setting that training follows
        Xpp3Dom config = xml("<configuration>"
                + "<includes><include>**/*Check.java</include><include>**/It*.java, **/*Spec</include></includes>"
                + "<excludes><exclude>**/Broken*</exclude></excludes>"
                + "<groups>fast, unit</groups><excludedGroups>slow</excludedGroups>"
                + "<systemPropertyVariables><greeting>hello</greeting><empty/></systemPropertyVariables>"
                + "<environmentVariables><MODE>strict</MODE></environmentVariables>"
                + "<argLine>-Xmx256m -Dquoted=\"a b\" @{jacoco} ${later}</argLine>"
                + "<properties><configurationParameters>junit.jupiter.execution.parallel.enabled = true\nx=y"
                + "</configurationParameters></properties>"
                + "<forkCount>2</forkCount><parallel>classes</parallel>"
                + "<workingDirectory>${project.build.directory}/wd</workingDirectory>"
                + "</configuration>");

        // WHEN it is read with one property known and one unknown
        SurefireSettings settings = SurefireSettings.of(
                config,
                SurefireSettings.Kind.SUREFIRE,
                name -> name.equals("jacoco")
                        ? "-javaagent:j.jar"
                        : name.equals("project.build.directory") ? "/m/target" : null,
                BASEDIR);

        // THEN
        assertThat(settings.selection().includes()).containsExactly("**/*Check.java", "**/It*.java", "**/*Spec");
        assertThat(settings.selection().excludes()).containsExactly("**/Broken*");
        assertThat(settings.selection().includeTags()).containsExactly("fast", "unit");
        assertThat(settings.selection().excludeTags()).containsExactly("slow");
        assertThat(settings.systemProperties()).containsExactly(Map.entry("greeting", "hello"), Map.entry("empty", ""));
        assertThat(settings.environment()).containsExactly(Map.entry("MODE", "strict"));
        assertThat(settings.jvmArguments()).containsExactly("-Xmx256m", "-Dquoted=a b", "-javaagent:j.jar");
        assertThat(settings.unresolved()).containsExactly("${later}");
        assertThat(settings.configurationParameters())
                .containsExactly(Map.entry("junit.jupiter.execution.parallel.enabled", "true"), Map.entry("x", "y"));
        assertThat(settings.notHonoured()).containsExactly("forkCount", "parallel");
        assertThat(settings.workingDirectory()).contains("/m/target/wd");
    }

    @Test
    void theDefaultTestExecutionOverridesThePluginConfiguration() throws Exception {
        Plugin surefire = new Plugin();
        surefire.setConfiguration(xml("<configuration><argLine>-Xmx1g</argLine>"
                + "<systemPropertyVariables><a>plugin</a></systemPropertyVariables></configuration>"));
        PluginExecution execution = new PluginExecution();
        execution.setId("default-test");
        execution.setConfiguration(xml("<configuration><argLine>-Xmx2g</argLine></configuration>"));
        surefire.addExecution(execution);

        SurefireSettings settings =
                SurefireSettings.of(surefire, SurefireSettings.Kind.SUREFIRE, name -> null, BASEDIR);

        assertThat(settings.jvmArguments()).containsExactly("-Xmx2g");
        assertThat(settings.systemProperties()).containsExactly(Map.entry("a", "plugin"));
    }

    @Test
    void failsafeTakesItsIntegrationTestExecutionsAndItsOwnDefaultIncludes() throws Exception {
        Plugin failsafe = new Plugin();
        failsafe.setConfiguration(xml("<configuration><argLine>-Xmx1g</argLine></configuration>"));
        PluginExecution run = new PluginExecution();
        run.setId("its");
        run.addGoal("integration-test");
        run.setConfiguration(xml(
                "<configuration><systemPropertyVariables><it>yes</it></systemPropertyVariables>" + "</configuration>"));
        PluginExecution verify = new PluginExecution();
        verify.setId("check");
        verify.addGoal("verify");
        verify.setConfiguration(xml("<configuration><argLine>-Xmx9g</argLine></configuration>"));
        failsafe.addExecution(run);
        failsafe.addExecution(verify);

        SurefireSettings settings =
                SurefireSettings.of(failsafe, SurefireSettings.Kind.FAILSAFE, name -> null, BASEDIR);

        assertThat(settings.jvmArguments()).containsExactly("-Xmx1g");
        assertThat(settings.systemProperties()).containsExactly(Map.entry("it", "yes"));
        assertThat(settings.selection().includes()).containsExactly("**/IT*.java", "**/*IT.java", "**/*ITCase.java");
        assertThat(SurefireSettings.of((Plugin) null, SurefireSettings.Kind.SUREFIRE, name -> null, BASEDIR)
                        .selection()
                        .includes())
                .doesNotContain("**/*IT.java");
    }

    @Test
    void splitsArgLinesLikeAShell() {
        assertThat(SurefireSettings.split("  -a  'b c' \"d 'e'\" f\"g h\"  "))
                .containsExactly("-a", "b c", "d 'e'", "fg h");
        assertThat(SurefireSettings.split("")).isEmpty();
        assertThat(SurefireSettings.split("''")).containsExactly("");
    }

    @Test
    void resolvesLateAndEarlyReferences() {
        List<String> unresolved = new ArrayList<>();
        String resolved = SurefireSettings.resolve(
                "@{a} ${b} @{missing}", n -> Map.of("a", "1", "b", "$2").get(n), unresolved);
        assertThat(resolved).isEqualTo("1 $2 ");
        assertThat(unresolved).containsExactly("@{missing}");
    }

    private static SurefireSettings surefire(String xml, Map<String, String> properties) throws Exception {
        return SurefireSettings.of(xml(xml), SurefireSettings.Kind.SUREFIRE, properties::get, BASEDIR);
    }

    @Test
    void theArgLinePropertyServesWhenTheXmlSetsNone() throws Exception {
        // -DargLine, <properties><argLine>, or what jacoco:prepare-agent set, with Surefire's fork number
        SurefireSettings settings = surefire(
                "<configuration/>",
                Map.of("argLine", "--add-opens java.base/java.lang=ALL-UNNAMED -Dfork=${surefire.forkNumber}"));

        assertThat(settings.jvmArguments())
                .containsExactly("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Dfork=1");
        assertThat(settings.unresolved()).isEmpty();
    }

    @Test
    void prepareSOwnOptionsStayOutOfTrainingAndTheAgentsOfTheTestsAreKnown() throws Exception {
        SurefireSettings settings = surefire(
                "<configuration><argLine>@{argLine} -javaagent:/r/apm.jar -Xmx1g</argLine></configuration>",
                Map.of(
                        "argLine",
                        "-javaagent:/r/org.jacoco.agent-0.8.13-runtime.jar=destfile=x"
                                + " -XX:DumpLoadedClassList=/b/target/pkgimage/recording/surefire/classlist-%p.txt"
                                + " -Xlog:gc+init=info:file=/b/target/pkgimage/recording/surefire/jvm-%p.log"));

        assertThat(settings.jvmArguments()).containsExactly("-javaagent:/r/apm.jar", "-Xmx1g");
        assertThat(settings.leftOut()).hasSize(3);
        assertThat(settings.agents())
                .containsExactlyInAnyOrder(
                        "-javaagent:/r/apm.jar", "-javaagent:/r/org.jacoco.agent-0.8.13-runtime.jar=destfile=x");
    }

    @Test
    void theXmlArgLineWinsOverThePropertyAndTakesItLate() throws Exception {
        SurefireSettings settings = surefire(
                "<configuration><argLine>@{argLine} -Xmx1g</argLine></configuration>",
                Map.of(
                        "argLine",
                        "-javaagent:/r/org/jacoco/org.jacoco.agent/0.8.13/org.jacoco.agent-0.8.13-runtime.jar=destfile=x"
                                + " --add-opens\tjava.base/java.util=ALL-UNNAMED"));

        // THEN the property came in through @{argLine}, tabs separate, and JaCoCo's agent is left out, said so
        assertThat(settings.jvmArguments()).containsExactly("--add-opens", "java.base/java.util=ALL-UNNAMED", "-Xmx1g");
        assertThat(settings.leftOut())
                .singleElement()
                .asString()
                .startsWith("-javaagent:")
                .contains("org.jacoco.agent");
    }

    @Test
    void dashDTestReplacesIncludesAndExcludesAndMayNameMethods() throws Exception {
        SurefireSettings settings = surefire(
                "<configuration><includes><include>**/*Check.java</include></includes>"
                        + "<excludes><exclude>**/Slow*</exclude></excludes></configuration>",
                Map.of("test", "SlowTest#fast*, !Other", "groups", "a,b", "excludedGroups", "flaky"));

        assertThat(settings.selection().includes()).containsExactly("SlowTest#fast*", "!Other");
        assertThat(settings.selection().excludes()).isEmpty();
        assertThat(settings.selection().methods()).isPresent();
        assertThat(settings.selection().includeTags()).containsExactly("a", "b");
        assertThat(settings.selection().excludeTags()).containsExactly("flaky");
    }

    @Test
    void failsafeReadsItsOwnTestPropertyAndIncludesProperty() throws Exception {
        SurefireSettings settings = SurefireSettings.of(
                xml("<configuration/>"),
                SurefireSettings.Kind.FAILSAFE,
                Map.of("test", "UnitTest", "it.test", "DbIT", "failsafe.excludes", "**/Skip*")::get,
                BASEDIR);

        assertThat(settings.selection().includes()).containsExactly("DbIT");
        SurefireSettings byProperty = SurefireSettings.of(
                xml("<configuration/>"),
                SurefireSettings.Kind.FAILSAFE,
                Map.of("failsafe.includes", "**/*Db*.java", "failsafe.excludes", "**/Skip*")::get,
                BASEDIR);
        assertThat(byProperty.selection().includes()).containsExactly("**/*Db*.java");
        assertThat(byProperty.selection().excludes()).containsExactly("**/Skip*");
    }

    @Test
    void includesAndExcludesFilesAddTheirLinesAndTheirMethods() throws Exception {
        Files.writeString(dir.resolve("in.txt"), "# the fast ones\n**/*Check.java\n\nFooTest#quick*\n");
        Files.writeString(dir.resolve("out.txt"), "**/Broken*\n");

        SurefireSettings settings = SurefireSettings.of(
                xml("<configuration><includes><include>**/*Spec.java</include></includes>"
                        + "<includesFile>in.txt</includesFile></configuration>"),
                SurefireSettings.Kind.SUREFIRE,
                Map.of("surefire.excludesFile", "out.txt")::get,
                dir);

        assertThat(settings.selection().includes())
                .containsExactly("**/*Spec.java", "**/*Check.java", "FooTest#quick*");
        assertThat(settings.selection().excludes()).containsExactly("**/Broken*");
        assertThat(settings.selection().methods()).isPresent();
    }

    @Test
    void aMissingTestsFileIsAnErrorNamingIt() {
        assertThatThrownBy(() -> SurefireSettings.of(
                        xml("<configuration><includesFile>nope.txt</includesFile></configuration>"),
                        SurefireSettings.Kind.SUREFIRE,
                        name -> null,
                        dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot read the tests file '" + dir.resolve("nope.txt") + "'");
    }

    @Test
    void skipsAsThePluginDoesFromItsXmlOrItsProperties() throws Exception {
        assertThat(skip("<configuration><skip>true</skip></configuration>", SurefireSettings.Kind.SUREFIRE, Map.of()))
                .contains("<skip> is true in the maven-surefire-plugin configuration");
        assertThat(skip(
                        "<configuration><skipTests>true</skipTests></configuration>",
                        SurefireSettings.Kind.SUREFIRE,
                        Map.of()))
                .contains("<skipTests> is true in the maven-surefire-plugin configuration");
        assertThat(skip("<configuration/>", SurefireSettings.Kind.SUREFIRE, Map.of("maven.test.skip.exec", "true")))
                .contains("property 'maven.test.skip.exec' is true");
        // the XML's false wins over the property, as for any plugin parameter
        assertThat(skip(
                        "<configuration><skipTests>false</skipTests></configuration>",
                        SurefireSettings.Kind.SUREFIRE,
                        Map.of("skipTests", "true")))
                .isEmpty();
        assertThat(skip("<configuration/>", SurefireSettings.Kind.SUREFIRE, Map.of("skipITs", "true")))
                .isEmpty();
        assertThat(skip("<configuration/>", SurefireSettings.Kind.FAILSAFE, Map.of("skipITs", "true")))
                .contains("property 'skipITs' is true");
    }

    private static java.util.Optional<String> skip(
            String xml, SurefireSettings.Kind kind, Map<String, String> properties) throws Exception {
        return SurefireSettings.skippedBy(xml(xml), kind, properties::get);
    }
}
