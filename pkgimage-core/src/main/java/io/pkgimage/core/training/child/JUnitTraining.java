package io.pkgimage.core.training.child;

import io.pkgimage.core.process.ForkedJvm;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.surefire.api.testset.TestListResolver;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs the selected test classes through the JUnit Platform Launcher, counting results and reporting progress. */
final class JUnitTraining {
    private JUnitTraining() {}

    static void run(Properties config, List<String> classes, TrainingResults results, PrintStream out) {
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
        for (String name : classes) {
            builder.selectors(DiscoverySelectors.selectClass(name));
        }
        List<String> include = TrainingMain.indexed(config, "includeTag.");
        List<String> exclude = TrainingMain.indexed(config, "excludeTag.");
        if (!include.isEmpty()) {
            builder.filters(TagFilter.includeTags(include));
        }
        if (!exclude.isEmpty()) {
            builder.filters(TagFilter.excludeTags(exclude));
        }
        String methods = config.getProperty("methods");
        if (methods != null) {
            // as Surefire's JUnit Platform provider filters methods: a test whose source is a method runs when
            // Surefire's resolver says so; classes and dynamic tests pass
            TestListResolver resolver = new TestListResolver(methods);
            builder.filters((PostDiscoveryFilter) descriptor -> descriptor
                    .getSource()
                    .filter(MethodSource.class::isInstance)
                    .map(MethodSource.class::cast)
                    .map(m -> FilterResult.includedIf(
                            resolver.shouldRun(TestListResolver.toClassFileName(m.getClassName()), m.getMethodName())))
                    .orElseGet(() -> FilterResult.included("not a method")));
        }
        Map<String, String> parameters = new TreeMap<>();
        for (String key : config.stringPropertyNames()) {
            if (key.startsWith("parameter.")) {
                parameters.put(key.substring("parameter.".length()), config.getProperty(key));
            }
        }
        // the soundness harness, if the tests enable it, stays out of the training run
        parameters.put(ForkedJvm.CHILD_PARAMETER, "training");
        builder.configurationParameters(parameters);
        LauncherDiscoveryRequest request = builder.build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                results.skipped++;
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                TestExecutionResult.Status status = result.getStatus();
                if (id.isTest()) {
                    if (status == TestExecutionResult.Status.ABORTED) {
                        results.skipped++;
                    } else {
                        results.run++;
                    }
                }
                if (status == TestExecutionResult.Status.FAILED) {
                    results.failed++;
                    String cause = result.getThrowable()
                            .map(t -> t.getClass().getName() + ": " + t.getMessage())
                            .orElse("failed");
                    results.failures.add(name(id) + " — " + cause);
                }
                if (id.getSource().filter(ClassSource.class::isInstance).isPresent()) {
                    out.println(TrainingMain.PROGRESS + results.run + " " + results.failed + " " + results.skipped);
                    out.flush();
                }
            }
        });
    }

    private static String name(TestIdentifier id) {
        return id.getSource()
                .map(source -> {
                    if (source instanceof MethodSource m) {
                        return m.getClassName() + "#" + m.getMethodName() + " [" + id.getDisplayName() + "]";
                    }
                    if (source instanceof ClassSource c) {
                        return c.getClassName();
                    }
                    return id.getDisplayName();
                })
                .orElse(id.getDisplayName());
    }
}
