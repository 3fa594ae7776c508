package io.pkgimage.maven;

import io.pkgimage.core.image.Coordinates;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalArtifactRequest;
import org.eclipse.aether.repository.LocalArtifactResult;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/** Finds package images as Maven artifacts with classifier {@code pkgimage}, next to the jars they describe. */
final class ImageArtifacts {
    /** The classifier of package images. */
    static final String CLASSIFIER = "pkgimage";

    private final MavenSession session;
    private final RepositorySystem repositorySystem;

    ImageArtifacts(MavenSession session, RepositorySystem repositorySystem) {
        this.session = session;
        this.repositorySystem = repositorySystem;
    }

    /** The file name of a project's image in its build directory. */
    static String fileName(MavenProject project) {
        return project.getArtifactId() + "-" + project.getVersion() + "-" + CLASSIFIER + ".jar";
    }

    /** The project's own image: attached in this build, or left in its build directory by an earlier one. */
    static Optional<Path> ofProject(MavenProject project) {
        Optional<Path> attached = project.getAttachedArtifacts().stream()
                .filter(a -> CLASSIFIER.equals(a.getClassifier())
                        && a.getFile() != null
                        && a.getFile().isFile())
                .map(a -> a.getFile().toPath())
                .findFirst();
        if (attached.isPresent()) {
            return attached;
        }
        File built = new File(project.getBuild().getDirectory(), fileName(project));
        return built.isFile() ? Optional.of(built.toPath()) : Optional.empty();
    }

    /**
     * The image of dependency {@code a}: from a project of this reactor, else the local repository, else (when
     * {@code remote}) the project's remote repositories.
     */
    Optional<Path> of(Artifact a, MavenProject project, boolean remote) {
        for (MavenProject p : session.getProjects()) {
            if (p.getGroupId().equals(a.getGroupId())
                    && p.getArtifactId().equals(a.getArtifactId())
                    && p.getVersion().equals(a.getBaseVersion())) {
                return ofProject(p);
            }
        }
        DefaultArtifact image =
                new DefaultArtifact(a.getGroupId(), a.getArtifactId(), CLASSIFIER, "jar", a.getBaseVersion());
        LocalArtifactResult local = session.getRepositorySession()
                .getLocalRepositoryManager()
                .find(session.getRepositorySession(), new LocalArtifactRequest(image, null, null));
        if (local.isAvailable() && local.getFile() != null) {
            return Optional.of(local.getFile().toPath());
        }
        if (!remote) {
            return Optional.empty();
        }
        try {
            return Optional.of(repositorySystem
                    .resolveArtifact(
                            session.getRepositorySession(),
                            new ArtifactRequest(image, project.getRemoteProjectRepositories(), null))
                    .getArtifact()
                    .getFile()
                    .toPath());
        } catch (ArtifactResolutionException notPublished) {
            return Optional.empty();
        }
    }

    static Coordinates coordinates(Artifact a) {
        return new Coordinates(
                a.getGroupId(),
                a.getArtifactId(),
                a.getBaseVersion(),
                a.getClassifier() == null ? "" : a.getClassifier());
    }
}
