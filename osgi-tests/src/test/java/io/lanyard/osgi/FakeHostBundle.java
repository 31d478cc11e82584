package io.lanyard.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the test's host bundle: our declarations of the Atlassian API (host-api, in the generation's servlet
 * flavour), exporting every package they hold and importing the servlet API, as a product exports its API.
 * Its bundle context then registers the fake host services.
 */
final class FakeHostBundle {

    static final String SYMBOLIC_NAME = "lanyard.test.fake-host";

    private FakeHostBundle() {
    }

    static Path write(Generation generation, Path directory) throws IOException {
        Path bundle = directory.resolve("fake-host-" + generation.name().toLowerCase() + ".jar");
        TreeSet<String> packages = new TreeSet<>();
        try (JarFile hostApi = new JarFile(generation.hostApi().toFile())) {
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            for (Enumeration<JarEntry> entries = hostApi.entries(); entries.hasMoreElements();) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class")) {
                    packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
                }
            }
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue("Bundle-ManifestVersion", "2");
            main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
            main.putValue("Bundle-Version", "1.0.0");
            main.putValue("Export-Package", String.join(",", packages));
            main.putValue("Import-Package", generation.servletPackage() + "," + generation.servletPackage() + ".http");
            try (OutputStream out = Files.newOutputStream(bundle);
                    JarOutputStream jar = new JarOutputStream(out, manifest)) {
                for (Enumeration<JarEntry> entries = hostApi.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().endsWith(".class")) {
                        continue;
                    }
                    jar.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = hostApi.getInputStream(entry)) {
                        in.transferTo(jar);
                    }
                    jar.closeEntry();
                }
            }
        }
        return bundle;
    }
}
