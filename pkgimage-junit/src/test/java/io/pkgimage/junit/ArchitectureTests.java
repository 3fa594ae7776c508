package io.pkgimage.junit;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The layering of the harness: its packages follow the flow of a soundness run, without cycles. The rules are checked
 * from Jupiter tests rather than by ArchUnit's engine, which would otherwise also start in every child JVM of the
 * soundness tests (they run on this module's test class path).
 */
class ArchitectureTests {
    private static final JavaClasses HARNESS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pkgimage.junit");

    private static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES =
            slices().matching("io.pkgimage.junit.(*)..").should().beFreeOfCycles();

    /**
     * The layers, top down: the engine (the root package: the annotations, the Jupiter extensions, discovery and the
     * orchestration of a run); the steps of a run in their order, each of which may use the steps before it but none
     * after it (report, judge, run, plan); the model the steps share (the mirrored tests and the settings); and, using
     * nothing of the harness, the main of the child JVMs and the first-call latency measurement.
     */
    private static final ArchRule LAYERS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Engine")
            .definedBy("io.pkgimage.junit")
            .layer("Report")
            .definedBy("io.pkgimage.junit.report..")
            .layer("Judge")
            .definedBy("io.pkgimage.junit.judge..")
            .layer("Run")
            .definedBy("io.pkgimage.junit.run..")
            .layer("Plan")
            .definedBy("io.pkgimage.junit.plan..")
            .layer("Model")
            .definedBy("io.pkgimage.junit.mirror..", "io.pkgimage.junit.settings..")
            .layer("Child")
            .definedBy("io.pkgimage.junit.child..")
            .layer("Latency")
            .definedBy("io.pkgimage.junit.latency..")
            .whereLayer("Engine")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Report")
            .mayOnlyBeAccessedByLayers("Engine")
            .whereLayer("Judge")
            .mayOnlyBeAccessedByLayers("Report", "Engine")
            .whereLayer("Run")
            .mayOnlyBeAccessedByLayers("Judge", "Report", "Engine")
            .whereLayer("Plan")
            .mayOnlyBeAccessedByLayers("Run", "Judge", "Report", "Engine")
            .whereLayer("Model")
            .mayOnlyBeAccessedByLayers("Plan", "Run", "Judge", "Report", "Engine")
            .whereLayer("Child")
            .mayOnlyBeAccessedByLayers("Plan", "Run", "Judge", "Report", "Engine")
            .whereLayer("Latency")
            .mayOnlyBeAccessedByLayers("Engine");

    @Test
    void packagesAreFreeOfCycles() {
        PACKAGES_ARE_FREE_OF_CYCLES.check(HARNESS);
    }

    @Test
    void noPackageUsesOneAboveIt() {
        LAYERS.check(HARNESS);
    }
}
