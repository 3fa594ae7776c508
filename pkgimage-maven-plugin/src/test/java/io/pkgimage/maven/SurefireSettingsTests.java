package io.pkgimage.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.pkgimage.core.compile.TestSelection;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class SurefireSettingsTests {

    private static Xpp3Dom xml(String text) throws Exception {
        return Xpp3DomBuilder.build(new StringReader(text));
    }

    @Test
    void noSurefireConfigurationMeansSurefireDefaults() {
        SurefireSettings settings = SurefireSettings.of((Plugin) null, SurefireSettings.Kind.SUREFIRE, name -> null);

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
                        : name.equals("project.build.directory") ? "/m/target" : null);

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

        SurefireSettings settings = SurefireSettings.of(surefire, SurefireSettings.Kind.SUREFIRE, name -> null);

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

        SurefireSettings settings = SurefireSettings.of(failsafe, SurefireSettings.Kind.FAILSAFE, name -> null);

        assertThat(settings.jvmArguments()).containsExactly("-Xmx1g");
        assertThat(settings.systemProperties()).containsExactly(Map.entry("it", "yes"));
        assertThat(settings.selection().includes()).containsExactly("**/IT*.java", "**/*IT.java", "**/*ITCase.java");
        assertThat(SurefireSettings.of((Plugin) null, SurefireSettings.Kind.SUREFIRE, name -> null)
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
}
