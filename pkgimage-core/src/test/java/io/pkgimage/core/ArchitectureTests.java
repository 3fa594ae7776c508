package io.pkgimage.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of core: plain Java, no Maven or JUnit types, no cycles between its packages, and its layers. */
@AnalyzeClasses(packages = "io.pkgimage.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /**
     * Maven's and JUnit's types, but Surefire's test selection: core selects tests with Surefire's own rules
     * (surefire-api's TestListResolver, a plain library, an optional dependency of core that only the Maven plugin
     * brings).
     */
    private static final DescribedPredicate<JavaClass> MAVEN_OR_JUNIT = resideInAnyPackage(
                    "org.apache.maven..", "org.junit..")
            .and(not(resideInAnyPackage(
                    "org.apache.maven.surefire.api.testset..", "org.apache.maven.surefire.shared.utils..")));

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
            .dependOnClassesThat(MAVEN_OR_JUNIT)
            .because("pkgimage-core is the engine that the Maven plugin and the JUnit extension adapt");

    @ArchTest
    static final ArchRule onlyTheTrainingChildUsesTheJUnitPlatform = noClasses()
            .that()
            .resideInAPackage("io.pkgimage.core.training.child..")
            .should()
            .dependOnClassesThat(resideInAnyPackage("org.junit.jupiter..")
                    .or(MAVEN_OR_JUNIT.and(not(resideInAnyPackage("org.junit.platform..")))))
            .because("the training child drives any test engine through the JUnit Platform Launcher only");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("io.pkgimage.core.(*)..").should().beFreeOfCycles();

    /**
     * The layers, bottom up: the foundation (files, processes, JDKs, the core's own exception, version and progress),
     * the model of images and class paths, the steps of the flow (training, compile, link, soundness, shell, and dist, the link at deploy), and the
     * mains of the child JVMs that the steps start, which use nothing of core but the process constants.
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Foundation")
            .definedBy(
                    "io.pkgimage.core", "io.pkgimage.core.io..", "io.pkgimage.core.jdk..", "io.pkgimage.core.process..")
            .layer("Model")
            .definedBy("io.pkgimage.core.image..", "io.pkgimage.core.classpath..", "io.pkgimage.core.classlist..")
            .layer("Steps")
            .definedBy(
                    "io.pkgimage.core.training",
                    "io.pkgimage.core.compile..",
                    "io.pkgimage.core.link",
                    "io.pkgimage.core.soundness..",
                    "io.pkgimage.core.shell..",
                    "io.pkgimage.core.dist..")
            .layer("Children")
            .definedBy("io.pkgimage.core.training.child..", "io.pkgimage.core.link.child..")
            .whereLayer("Steps")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Model")
            .mayOnlyBeAccessedByLayers("Steps")
            .whereLayer("Children")
            .mayOnlyBeAccessedByLayers("Steps")
            .whereLayer("Foundation")
            .mayOnlyBeAccessedByLayers("Model", "Steps", "Children");
}
