package dev.runtruth.collector.ladder;

import dev.runtruth.collector.InputException;
import dev.runtruth.collector.expected.BytecodeRouteScanner;
import dev.runtruth.collector.expected.ExpectedRoutes;
import dev.runtruth.collector.ladder.image.ImageApplication;
import java.nio.file.Path;

/**
 * The routes an artifact to deploy declares: a jar or war read by the bytecode scanner, or a container image tar
 * whose application is found by {@link ImageApplication} and then scanned.
 *
 * @param display     the artifact as the user gave it
 * @param description what it is, e.g. {@code jar} or {@code image (docker-archive, 2 layers; runs java -jar ...)}
 * @param routes      the declared routes and the build identity (from {@code git.properties} inside the artifact)
 */
record ArtifactRoutes(String display, String description, ExpectedRoutes routes) {

    /**
     * @param artifact a jar, war or image tar
     * @return its routes
     * @throws InputException naming the artifact when it cannot be read
     */
    static ArtifactRoutes load(Path artifact) throws InputException {
        if (ImageApplication.isImageTar(artifact)) {
            try (ImageApplication app = ImageApplication.open(artifact)) {
                ExpectedRoutes routes = new BytecodeRouteScanner().scan(app.scannable());
                return new ArtifactRoutes(artifact.toString(), "image (" + app.description() + ")", routes);
            }
        }
        ExpectedRoutes routes = new BytecodeRouteScanner().scan(artifact);
        String name = artifact.getFileName() == null ? "" : artifact.getFileName().toString();
        return new ArtifactRoutes(artifact.toString(), name.endsWith(".war") ? "war" : "jar", routes);
    }
}
