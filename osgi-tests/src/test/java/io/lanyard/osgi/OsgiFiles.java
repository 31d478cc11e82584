package io.lanyard.osgi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The jars the build copied for the proof ({@code target/osgi}, see the pom). */
final class OsgiFiles {

    private OsgiFiles() {
    }

    static Path directory() {
        String dir = System.getProperty("lanyard.osgi.dir");
        if (dir == null) {
            throw new IllegalStateException("lanyard.osgi.dir is not set: run the tests through Maven");
        }
        return Path.of(dir);
    }

    /** Spring and the Gemini Blueprint extender, in start order. */
    static List<Path> extenderBundles() {
        try (Stream<Path> files = Files.list(directory().resolve("extender"))) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
