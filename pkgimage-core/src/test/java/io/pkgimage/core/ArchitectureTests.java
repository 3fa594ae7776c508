package io.pkgimage.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of core: plain Java, no Maven or JUnit types, no cycles between its packages. */
@AnalyzeClasses(packages = "io.pkgimage.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule coreDoesNotDependOnMavenOrJUnit = noClasses()
            .that()
            .resideInAPackage("io.pkgimage.core..")
            // The one exception: io.pkgimage.core.training.child is the main of the forked training JVM. It runs
            // on the trained module's own test class path, where the JUnit Platform is, and drives it through the
            // Launcher API; nothing in the plugin's or a user's JVM loads it (junit-platform-launcher is 'provided').
            .and()
            .resideOutsideOfPackage("io.pkgimage.core.training.child..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.maven..", "org.junit..")
            .because("pkgimage-core is the engine that the Maven plugin and the JUnit extension adapt");

    @ArchTest
    static final ArchRule onlyTheTrainingChildUsesTheJUnitPlatform = noClasses()
            .that()
            .resideInAPackage("io.pkgimage.core.training.child..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.maven..", "org.junit.jupiter..")
            .because("the training child drives any test engine through the JUnit Platform Launcher only");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("io.pkgimage.core.(*)..").should().beFreeOfCycles();
}
