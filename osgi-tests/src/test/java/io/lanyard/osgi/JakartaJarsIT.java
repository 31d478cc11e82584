package io.lanyard.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The jakarta jars are the javax jars transformed: no reference to the javax servlet API is left in any class or
 * resource, and nothing else differs in what they hold. (That they resolve against jakarta exports is
 * {@link JakartaPluginsInFelixIT}.)
 */
class JakartaJarsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#jakartaJars")
    void noJavaxServletReferenceIsLeft(Product product, Generation generation) throws Exception {
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            for (String name : jar.entryNames()) {
                if (name.endsWith("/")) {
                    continue;
                }
                String content = new String(jar.bytes(name), StandardCharsets.ISO_8859_1);
                scanned++;
                if (content.contains("javax/servlet") || content.contains("javax.servlet")) {
                    offenders.add(name);
                }
            }
            assertThat(jar.header("Import-Package")).doesNotContain("javax.servlet");
        }
        assertThat(scanned).as("entries scanned").isGreaterThan(1000);
        assertThat(offenders).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#jakartaJars")
    void holdsWhatTheJavaxJarHolds(Product product, Generation generation) throws Exception {
        try (PluginJar jakarta = new PluginJar(product.jar(generation));
                PluginJar javax = new PluginJar(product.jar(Generation.JAVAX))) {
            assertThat(jakarta.entryNames()).containsExactlyInAnyOrderElementsOf(javax.entryNames());
            assertThat(jakarta.header("Import-Package"))
                    .isEqualTo(javax.header("Import-Package").replace("javax.servlet", "jakarta.servlet"));
            assertThat(jakarta.bytes(PluginJar.DESCRIPTOR)).isEqualTo(javax.bytes(PluginJar.DESCRIPTOR));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#jakartaJars")
    void javaxJarsStillReferToJavaxServlet(Product product, Generation generation) throws Exception {
        try (PluginJar javax = new PluginJar(product.jar(Generation.JAVAX))) {
            String filter = new String(javax.bytes("io/lanyard/plugin/web/LoginFilter.class"), StandardCharsets.ISO_8859_1);
            assertThat(filter).as("the scan above would see it").contains("javax/servlet/Filter");
        }
    }
}
