package io.pkgimage.junit;

import io.pkgimage.core.soundness.TestRecord;
import io.pkgimage.core.soundness.Verdict;
import io.pkgimage.junit.child.SoundnessChild;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Behind {@link ImageSoundness}: in the test JVM, the tests of a class do not run; the class runs once plain and once
 * imaged in fresh JVMs ({@link SoundnessRuns}) and each test's result is the comparison of its two runs. In those
 * child JVMs the tests run for real and what they record through {@link Observations} is kept.
 *
 * <p>Public only because extension auto-detection ({@link ImageSoundness#ALL}) loads it through {@link
 * java.util.ServiceLoader}, which needs a public class and constructor; use {@link ImageSoundness} instead.
 */
public final class ImageSoundnessExtension implements InvocationInterceptor, ParameterResolver {
    static final Namespace NAMESPACE = Namespace.create(ImageSoundnessExtension.class);

    /** For {@link java.util.ServiceLoader}. */
    public ImageSoundnessExtension() {}

    // ---- which tests: annotated (class, method, meta-annotation), or all with the configuration parameter

    private static boolean child(ExtensionContext context) {
        return context.getConfigurationParameter(ImageSoundness.CHILD).isPresent();
    }

    private static boolean classApplies(ExtensionContext context) {
        return context.getTestClass()
                        .map(c -> AnnotationSupport.isAnnotated(c, ImageSoundness.class))
                        .orElse(false)
                || context.getConfigurationParameter(ImageSoundness.ALL)
                        .map(Boolean::parseBoolean)
                        .orElse(false);
    }

    private static boolean applies(ExtensionContext context) {
        return !child(context)
                && (classApplies(context)
                        || context.getTestMethod()
                                .map(m -> AnnotationSupport.isAnnotated(m, ImageSoundness.class))
                                .orElse(false));
    }

    // ---- in the test JVM the tests do not run: their children's results are compared

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        judgeOrProceed(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        judgeOrProceed(invocation, context);
    }

    @Override
    public void interceptBeforeAllMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        skipInParent(invocation, context);
    }

    @Override
    public void interceptBeforeEachMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        skipInParent(invocation, context);
    }

    @Override
    public void interceptAfterEachMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        skipInParent(invocation, context);
    }

    @Override
    public void interceptAfterAllMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        skipInParent(invocation, context);
    }

    private static void skipInParent(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        if (!child(context) && classApplies(context)) {
            invocation.skip();
        } else {
            invocation.proceed();
        }
    }

    private static void judgeOrProceed(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        if (!applies(context)) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        String id = context.getUniqueId();
        SoundnessRuns.Pair first = SoundnessRuns.of(context, 1);
        Verdict verdict = Verdict.compare(first.plain().test(id), first.imaged().test(id));
        if (verdict.kind() == Verdict.Kind.IMAGE_DIVERGENCE) {
            // once more in both modes: a test that differs from itself in one mode is flaky, not diverging
            SoundnessRuns.Pair second = SoundnessRuns.of(context, 2);
            List<String> plainDrift =
                    drift(first.plain().test(id), second.plain().test(id));
            List<String> imagedDrift =
                    drift(first.imaged().test(id), second.imaged().test(id));
            if (!plainDrift.isEmpty() || !imagedDrift.isEmpty()) {
                verdict = new Verdict(
                        Verdict.Kind.FLAKY,
                        "its results differ between two runs in the same mode ("
                                + (plainDrift.isEmpty() ? "imaged" : "plain") + "): "
                                + String.join("; ", plainDrift.isEmpty() ? imagedDrift : plainDrift)
                                + "; plain vs imaged on the first run: " + verdict.detail());
            }
        }
        SoundnessReport.of(context).add(context, verdict);
        switch (verdict.kind()) {
            case SOUND -> {
                TestRecord plain = first.plain().test(id).orElseThrow();
                if (!plain.passed()) {
                    // the same outcome imaged as plain, but not a pass: show it as JUnit would have
                    throw new TestAbortedException("SOUND: " + plain.outcome() + ", plain and imaged alike");
                }
            }
            case UNSOUND_TEST -> throw new TestAbortedException("UNSOUND_TEST: " + verdict.detail());
            case FLAKY -> throw new TestAbortedException("FLAKY: " + verdict.detail());
            case IMAGE_DIVERGENCE -> throw new AssertionFailedError(
                    "IMAGE_DIVERGENCE: the test gives another result with the package images, again on a second run"
                            + " in both modes:\n" + verdict.detail());
            case MISSING -> throw new AssertionFailedError("MISSING: " + verdict.detail());
        }
    }

    private static List<String> drift(Optional<TestRecord> a, Optional<TestRecord> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() == b.isEmpty() ? List.of() : List.of("it ran only once");
        }
        return Verdict.differences(a.get(), b.get());
    }

    // ---- in the child JVMs: tests run, and what they observe is kept

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Observations.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        String id = context.getUniqueId();
        boolean child = child(context);
        return (Observations) (name, value) -> {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("An observation needs a name");
            }
            if (child) {
                SoundnessChild.observe(id, name, value);
            }
        };
    }
}
