package io.pkgimage.junit.mirror;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.platform.engine.TestEngine;

/** The test engines whose tests the soundness engine mirrors: every engine on the class path but itself. */
public final class OtherEngines {
    /** The soundness engine's id, which it is left out by. */
    public static final String SOUNDNESS_ENGINE_ID = "pkgimage-soundness";

    private OtherEngines() {}

    /** The other engines on the class path, as the launcher finds them. */
    public static List<TestEngine> find() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<TestEngine> engines = new ArrayList<>();
        for (TestEngine engine :
                ServiceLoader.load(TestEngine.class, loader != null ? loader : OtherEngines.class.getClassLoader())) {
            if (!engine.getId().equals(SOUNDNESS_ENGINE_ID)) {
                engines.add(engine);
            }
        }
        return engines;
    }
}
