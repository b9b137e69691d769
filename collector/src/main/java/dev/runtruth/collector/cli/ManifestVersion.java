package dev.runtruth.collector.cli;

import picocli.CommandLine;

/**
 * {@code --version} of every {@code runtruth} command: the {@code Implementation-Version} of the collector jar's
 * manifest, or a note that this is a development build when the classes do not come from a jar with one.
 */
public final class ManifestVersion implements CommandLine.IVersionProvider {

    /** Created by picocli. */
    public ManifestVersion() {
    }

    /** @return one line, {@code runtruth collector VERSION} */
    @Override
    public String[] getVersion() {
        String version = ManifestVersion.class.getPackage().getImplementationVersion();
        return new String[] {"runtruth collector " + (version == null ? "(development build, no jar manifest)"
                : version)};
    }
}
