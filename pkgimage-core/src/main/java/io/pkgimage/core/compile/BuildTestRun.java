package io.pkgimage.core.compile;

import io.pkgimage.core.image.TrainingSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The build's own test run (Surefire's or Failsafe's), which trains the image instead of a training JVM when its
 * test JVMs recorded for it ({@code pkgimage:prepare}).
 *
 * @param origin {@link TrainingSummary#SUREFIRE} or {@link TrainingSummary#FAILSAFE}
 * @param recording the folder the test JVMs recorded into
 * @param reports the folder of the run's XML reports ({@code target/surefire-reports})
 * @param agents the Java agents of the test JVMs' {@code argLine} (JaCoCo's, say), which may have changed the bytes of
 *     the classes they loaded
 */
public record BuildTestRun(String origin, Path recording, Path reports, List<String> agents) {
    public BuildTestRun {
        if (!origin.equals(TrainingSummary.SUREFIRE) && !origin.equals(TrainingSummary.FAILSAFE)) {
            throw new IllegalArgumentException("A build's test run is Surefire's or Failsafe's, not '" + origin + "'");
        }
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(reports, "reports");
        agents = List.copyOf(agents);
    }
}
