package io.pkgimage.junit;

import io.pkgimage.junit.mirror.MirrorDescriptor;
import io.pkgimage.junit.mirror.OtherEngines;
import io.pkgimage.junit.plan.ChildConfigs;
import io.pkgimage.junit.run.SoundnessArchives;
import io.pkgimage.junit.settings.ImageLinks;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryListener;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * The soundness harness as a JUnit Platform engine, so that it judges the tests of every engine (Jupiter, Vintage,
 * ...). At discovery it asks the other engines for their tests and shows those it judges as its own ({@link
 * MirrorDescriptor}), which {@link SoundnessFilter} then takes out of their engines; at execution it runs them in
 * batches, plain and imaged, in child JVMs ({@link SoundnessExecution}) and reports each test's verdict as its result.
 *
 * <p>It judges every test with {@value ImageSoundness#ALL}{@code =true}, else the classes and methods annotated with
 * {@link ImageSoundness}; in the child JVMs (where {@value ImageSoundness#CHILD} is set) it judges nothing.
 *
 * <p>Public only for {@link java.util.ServiceLoader}.
 */
public final class SoundnessEngine implements TestEngine {
    /** The engine's id. */
    public static final String ID = OtherEngines.SOUNDNESS_ENGINE_ID;

    /** The segment type under which each other engine's tests are shown. */
    static final String DELEGATE = "delegate";

    /** For {@link java.util.ServiceLoader}. */
    public SoundnessEngine() {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("io.pkgimage");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("pkgimage-junit");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor root = new EngineDescriptor(uniqueId, "pkgimage soundness");
        ConfigurationParameters parameters = request.getConfigurationParameters();
        Set<UniqueId> takenOver = new HashSet<>();
        boolean all = parameters
                .get(ImageSoundness.ALL)
                .map(v -> v.trim().equalsIgnoreCase("true"))
                .orElse(false);
        if (parameters.get(ImageSoundness.CHILD).isEmpty() && (all || mayOptIn(request, uniqueId))) {
            ChildConfigs.discovered();
            for (TestEngine engine : OtherEngines.find()) {
                TestDescriptor discovered;
                try {
                    discovered = engine.discover(
                            delegated(request, uniqueId, engine.getId()), UniqueId.forEngine(engine.getId()));
                } catch (RuntimeException | LinkageError e) {
                    continue; // the launcher reports this engine's failure when it discovers it itself
                }
                UniqueId delegateId = uniqueId.append(DELEGATE, engine.getId());
                MirrorDescriptor delegate = MirrorDescriptor.of(delegateId, discovered, false);
                for (TestDescriptor unit : List.copyOf(discovered.getChildren())) {
                    mirror(unit, delegate, delegateId, all, true, takenOver);
                }
                if (!delegate.getChildren().isEmpty()) {
                    root.addChild(delegate);
                }
            }
        }
        SoundnessFilter.takeOver(takenOver);
        if (!root.getChildren().isEmpty()) {
            linkAhead(parameters);
        }
        return root;
    }

    /**
     * Starts linking the imaged JVMs' archive now, while the launcher goes on discovering and planning: the plain JVM
     * starts at execution, the imaged one once the archive is there.
     */
    private static void linkAhead(ConfigurationParameters parameters) {
        try {
            SoundnessArchives.ahead(ImageLinks.configured(parameters::get));
        } catch (AssertionFailedError e) {
            // the execution reports what is wrong with the configuration
        }
    }

    /**
     * Adds the mirror of {@code original} (and of its judged descendants) under {@code parent}: all of it when {@code
     * judged}, else only the methods annotated with {@link ImageSoundness}.
     */
    private static void mirror(
            TestDescriptor original,
            TestDescriptor parent,
            UniqueId delegateId,
            boolean judged,
            boolean unit,
            Set<UniqueId> takenOver) {
        UniqueId id = mirrorId(delegateId, original.getUniqueId());
        boolean here = judged || annotated(original.getSource()) || annotatedMethod(original.getSource());
        MirrorDescriptor mirror = MirrorDescriptor.of(id, original, unit && isolated(original.getSource()));
        for (TestDescriptor child : List.copyOf(original.getChildren())) {
            mirror(child, mirror, delegateId, here, false, takenOver);
        }
        if (here || !mirror.getChildren().isEmpty()) {
            parent.addChild(mirror);
            if (here) {
                takenOver.add(original.getUniqueId());
            }
        }
    }

    /** The id under the soundness engine of a descriptor of another engine: its segments after its engine's. */
    static UniqueId mirrorId(UniqueId delegateId, UniqueId original) {
        UniqueId id = delegateId;
        List<UniqueId.Segment> segments = original.getSegments();
        for (UniqueId.Segment s : segments.subList(1, segments.size())) {
            id = id.append(s.getType(), s.getValue());
        }
        return id;
    }

    /**
     * The request as {@code engine} sees it: the launcher's own (so that an engine of any JUnit version finds every
     * method it calls), but with the soundness engine's unique ids of its tests turned into its own (Surefire selects
     * tests it runs again that way), and discovery issues left to the launcher's own discovery of that engine, which
     * reports them once.
     */
    private static EngineDiscoveryRequest delegated(EngineDiscoveryRequest request, UniqueId root, String engine) {
        UniqueId prefix = root.append(DELEGATE, engine);
        return (EngineDiscoveryRequest) Proxy.newProxyInstance(
                EngineDiscoveryRequest.class.getClassLoader(),
                new Class<?>[] {EngineDiscoveryRequest.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getDiscoveryListener":
                            return EngineDiscoveryListener.NOOP;
                        case "getSelectorsByType":
                            return selectors(request, (Class<?>) args[0], prefix, engine);
                        case "toString":
                            return "pkgimage-soundness's view of " + request;
                        default:
                            try {
                                return method.invoke(request, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    private static List<?> selectors(EngineDiscoveryRequest request, Class<?> type, UniqueId prefix, String engine) {
        List<Object> selectors = new ArrayList<>();
        for (DiscoverySelector s : request.getSelectorsByType(DiscoverySelector.class)) {
            Object selector = s;
            if (s instanceof UniqueIdSelector u && u.getUniqueId().hasPrefix(prefix)) {
                UniqueId id = UniqueId.forEngine(engine);
                List<UniqueId.Segment> segments = u.getUniqueId().getSegments();
                for (UniqueId.Segment segment :
                        segments.subList(prefix.getSegments().size(), segments.size())) {
                    id = id.append(segment.getType(), segment.getValue());
                }
                selector = DiscoverySelectors.selectUniqueId(id);
            }
            if (type.isInstance(selector)) {
                selectors.add(selector);
            }
        }
        return selectors;
    }

    @Override
    public void execute(ExecutionRequest request) {
        new SoundnessExecution(request).run();
    }

    /**
     * Whether the request may select an annotated class: one of its selected classes or methods is annotated, or it
     * selects in a way that only the engines can resolve (packages, class path roots, ...). Without {@value
     * ImageSoundness#ALL} this keeps the engines from discovering twice in a run with nothing to judge.
     */
    private static boolean mayOptIn(EngineDiscoveryRequest request, UniqueId root) {
        for (DiscoverySelector selector : request.getSelectorsByType(DiscoverySelector.class)) {
            try {
                if (selector instanceof UniqueIdSelector s && s.getUniqueId().hasPrefix(root)) {
                    return true;
                }
                if (selector instanceof ClassSelector s) {
                    if (annotated(s.getJavaClass())) {
                        return true;
                    }
                } else if (selector instanceof MethodSelector s) {
                    if (annotated(s.getJavaClass())) {
                        return true;
                    }
                } else if (selector instanceof NestedClassSelector s) {
                    if (annotated(s.getNestedClass())) {
                        return true;
                    }
                } else if (selector instanceof NestedMethodSelector s) {
                    if (annotated(s.getNestedClass())) {
                        return true;
                    }
                } else if (!(selector instanceof UniqueIdSelector)) {
                    return true;
                }
            } catch (RuntimeException | LinkageError e) {
                // a class that cannot be loaded: its engine reports it
            }
        }
        return false;
    }

    private static boolean annotated(Class<?> type) {
        return AnnotationSupport.isAnnotated(type, ImageSoundness.class)
                || !AnnotationSupport.findAnnotatedMethods(type, ImageSoundness.class, HierarchyTraversalMode.TOP_DOWN)
                        .isEmpty()
                || java.util.Arrays.stream(type.getDeclaredClasses()).anyMatch(SoundnessEngine::annotated);
    }

    private static Optional<Class<?>> classOf(Optional<TestSource> source) {
        try {
            if (source.isPresent() && source.get() instanceof ClassSource s) {
                return Optional.of(s.getJavaClass());
            }
            if (source.isPresent() && source.get() instanceof MethodSource s) {
                return Optional.of(s.getJavaClass());
            }
        } catch (RuntimeException | LinkageError e) {
            // not loadable here: not annotated as far as the harness can tell
        }
        return Optional.empty();
    }

    /** Whether the source is a class annotated with {@link ImageSoundness} (directly, inherited or meta). */
    private static boolean annotated(Optional<TestSource> source) {
        return source.isPresent()
                && source.get() instanceof ClassSource
                && classOf(source)
                        .map(c -> AnnotationSupport.isAnnotated(c, ImageSoundness.class))
                        .orElse(false);
    }

    private static boolean annotatedMethod(Optional<TestSource> source) {
        if (source.isEmpty() || !(source.get() instanceof MethodSource s)) {
            return false;
        }
        try {
            Method method = s.getJavaMethod();
            return AnnotationSupport.isAnnotated(method, ImageSoundness.class);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean isolated(Optional<TestSource> source) {
        return classOf(source)
                .flatMap(c -> AnnotationSupport.findAnnotation(c, ImageSoundness.class))
                .map(ImageSoundness::isolated)
                .orElse(false);
    }
}
