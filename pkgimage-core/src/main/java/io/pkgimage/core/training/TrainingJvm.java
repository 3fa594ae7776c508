package io.pkgimage.core.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the training JVM runs its workload, as Surefire runs the module's tests; made with {@link #builder}.
 *
 * @param systemProperties system properties of the JVM
 * @param jvmArguments further JVM options (Surefire's {@code argLine}, already split)
 * @param environment environment variables added to the JVM's
 * @param configurationParameters JUnit Platform configuration parameters
 * @param workingDirectory the JVM's working directory (the module's base folder)
 * @param timeout how long the JVM may run; must be positive
 */
public record TrainingJvm(
        Map<String, String> systemProperties,
        List<String> jvmArguments,
        Map<String, String> environment,
        Map<String, String> configurationParameters,
        Path workingDirectory,
        Duration timeout) {

    public TrainingJvm {
        systemProperties = Map.copyOf(systemProperties);
        jvmArguments = List.copyOf(jvmArguments);
        environment = Map.copyOf(environment);
        configurationParameters = Map.copyOf(configurationParameters);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The training timeout must be positive, not " + timeout);
        }
    }

    /**
     * A builder of the JVM's settings. Unless set: no system properties, JVM options, environment variables or
     * configuration parameters; the working directory of this JVM; 30 minutes.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings of {@link #builder} with none set. */
    public static TrainingJvm defaults() {
        return builder().build();
    }

    /** These settings as a builder, to change some of them. */
    public Builder toBuilder() {
        return builder()
                .systemProperties(systemProperties)
                .jvmArguments(jvmArguments)
                .environment(environment)
                .configurationParameters(configurationParameters)
                .workingDirectory(workingDirectory)
                .timeout(timeout);
    }

    /** The builder of a {@link TrainingJvm}. */
    public static final class Builder {
        private Map<String, String> systemProperties = Map.of();
        private List<String> jvmArguments = List.of();
        private Map<String, String> environment = Map.of();
        private Map<String, String> configurationParameters = Map.of();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private Duration timeout = Duration.ofMinutes(30);

        private Builder() {}

        public Builder systemProperties(Map<String, String> systemProperties) {
            this.systemProperties = systemProperties;
            return this;
        }

        public Builder jvmArguments(List<String> jvmArguments) {
            this.jvmArguments = jvmArguments;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public Builder configurationParameters(Map<String, String> configurationParameters) {
            this.configurationParameters = configurationParameters;
            return this;
        }

        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException if the timeout is not positive
         */
        public TrainingJvm build() {
            return new TrainingJvm(
                    systemProperties, jvmArguments, environment, configurationParameters, workingDirectory, timeout);
        }
    }
}
