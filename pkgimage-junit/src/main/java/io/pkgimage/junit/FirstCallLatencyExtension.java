package io.pkgimage.junit;

import io.pkgimage.core.link.LinkResult;
import io.pkgimage.junit.latency.FirstCallMeasurement;
import io.pkgimage.junit.latency.FirstCallMeasurement.Configuration;
import io.pkgimage.junit.latency.FirstCallMeasurement.Samples;
import io.pkgimage.junit.latency.Stats;
import io.pkgimage.junit.settings.SoundnessSettings;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/** Behind {@link FirstCallLatency}: measures the benchmark plain and imaged, then judges the ratio. */
final class FirstCallLatencyExtension implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
            throws Throwable {
        FirstCallLatency spec = AnnotationSupport.findAnnotation(call.getExecutable(), FirstCallLatency.class)
                .orElseThrow();
        if (spec.benchmark().isBlank() || !(spec.maxRatio() > 0) || spec.forks() < 1) {
            throw new ExtensionConfigurationException("@FirstCallLatency on " + call.getExecutable()
                    + " needs a benchmark name, maxRatio > 0 and forks >= 1, not benchmark='" + spec.benchmark()
                    + "', maxRatio=" + spec.maxRatio() + ", forks=" + spec.forks());
        }
        LinkedImages linked = LinkedImages.of(context);
        LinkResult link = linked.require();
        SoundnessSettings settings = linked.settings().orElseThrow();
        List<String> mapped = new ArrayList<>(settings.jvmOptions());
        mapped.addAll(link.mapping());
        List<Configuration> configurations = List.of(
                new Configuration("plain", settings.jdk(), settings.jvmOptions()),
                new Configuration("pkgimage", settings.jdk(), mapped));
        Path results = settings.workDirectory().resolve("latency").resolve(spec.benchmark());
        List<Samples> samples = FirstCallMeasurement.measure(
                List.of(spec.benchmark()), configurations, link.classpath(), spec.forks(), results, line -> {});
        Samples plain = samples.get(0);
        Samples imaged = samples.get(1);
        boolean confirmed = false;
        if (imaged.median() / plain.median() > spec.maxRatio()) {
            // above the threshold: as many forks again, and all of them decide, so that one noisy batch does not fail
            // the build while a real regression still does
            List<Samples> more = FirstCallMeasurement.measure(
                    List.of(spec.benchmark()),
                    configurations,
                    link.classpath(),
                    spec.forks(),
                    results.resolve("confirmation"),
                    line -> {});
            plain = concat(plain, more.get(0));
            imaged = concat(imaged, more.get(1));
            confirmed = true;
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < plain.millis().size(); i++) {
            ratios.add(imaged.millis().get(i) / plain.millis().get(i));
        }
        double ratio = imaged.median() / plain.median();
        String summary = String.format(
                Locale.ROOT,
                "first call of %s: imaged/plain %.2f (per fork p25..p75 %.2f..%.2f; threshold %.2f); imaged median"
                        + " %.1f ms (p25..p75 %.1f..%.1f), plain median %.1f ms (p25..p75 %.1f..%.1f); %d fresh JVMs"
                        + " each, interleaved%s, %s; JMH results in %s",
                spec.benchmark(),
                ratio,
                Stats.percentile(ratios, 25),
                Stats.percentile(ratios, 75),
                spec.maxRatio(),
                imaged.median(),
                imaged.p25(),
                imaged.p75(),
                plain.median(),
                plain.p25(),
                plain.p75(),
                plain.millis().size(),
                confirmed ? " (a second batch confirmed the first, above the threshold)" : "",
                settings.jdk(),
                results);
        System.out.println("[pkgimage] " + summary);
        context.publishReportEntry("pkgimage.firstCallLatency", summary);
        invocation.proceed();
        if (ratio > spec.maxRatio()) {
            throw new AssertionFailedError(String.format(
                            Locale.ROOT,
                            "Expecting the imaged/plain first-call latency to be at most %.2f but was %.2f: ",
                            spec.maxRatio(),
                            ratio)
                    + summary);
        }
    }

    private static Samples concat(Samples a, Samples b) {
        List<Double> all = new ArrayList<>(a.millis());
        all.addAll(b.millis());
        return new Samples(a.benchmark(), a.configuration(), all);
    }
}
