package io.lanyard.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What each plugin jar holds and declares: a transformerless bundle with our code inside and the host's outside. */
class PluginJarContentsIT {

    private static final Pattern ATLASSIAN_TYPE = Pattern.compile("com/atlassian/[A-Za-z0-9_/$]+");

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#allJars")
    void manifestMakesATransformerlessPlugin(Product product, Generation generation) throws Exception {
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            assertThat(jar.header("Bundle-ManifestVersion")).isEqualTo("2");
            assertThat(jar.header("Bundle-SymbolicName")).isEqualTo(product.pluginKey());
            assertThat(jar.header("Atlassian-Plugin-Key")).isEqualTo(product.pluginKey());
            assertThat(jar.header("Bundle-Version")).isEqualTo(System.getProperty("lanyard.version"));
            assertThat(jar.header("Spring-Context")).isEqualTo("*");
            assertThat(jar.header("Export-Package")).as("nothing of ours is exported").isNull();
            assertThat(jar.header("Multi-Release")).isNull();
            assertThat(jar.header("Include-Resource")).as("no paths of the build machine").isNull();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#allJars")
    void embedsNothingOfTheHostApiNorTheHostsLibraries(Product product, Generation generation) throws Exception {
        Set<String> hostApiClasses;
        try (PluginJar hostApi = new PluginJar(generation.hostApi())) {
            hostApiClasses = new TreeSet<>(hostApi.entryNames().stream().filter(name -> name.endsWith(".class")).toList());
        }
        assertThat(hostApiClasses).as("the declarations the check compares with").isNotEmpty();
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            assertThat(jar.entryNames()).doesNotContainAnyElementsOf(hostApiClasses);
            assertThat(jar.entryNames()).noneMatch(name -> name.startsWith("com/atlassian/")
                    || name.startsWith("javax/servlet/") || name.startsWith("jakarta/servlet/")
                    || name.startsWith("org/slf4j/") || name.startsWith("org/apache/commons/logging/")
                    || name.startsWith("org/springframework/") || name.endsWith(".jar")
                    || name.endsWith("module-info.class") || name.startsWith("META-INF/versions/"));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#allJars")
    void embedsOurCodeAndLibrariesWithOnlyItsOwnProductAdapter(Product product, Generation generation) throws Exception {
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            assertThat(jar.entryNames()).contains(
                    "io/lanyard/core/login/LoginService.class",
                    "io/lanyard/plugin/web/LoginFilter.class",
                    "io/lanyard/plugin/lifecycle/LanyardPlugin.class",
                    "io/lanyard/plugin/sal/SalAdminAccess.class",
                    "com/nimbusds/openid/connect/sdk/AuthenticationRequest.class",
                    "com/nimbusds/jose/JWSObject.class",
                    "lanyard-i18n.properties",
                    "images/lanyard-logo.png",
                    "META-INF/spring/lanyard-" + product.id() + ".xml");
            for (Product other : Product.values()) {
                String adapterPackage = "io/lanyard/" + other.id() + "/";
                if (other == product) {
                    assertThat(jar.entryNames()).anyMatch(name -> name.startsWith(adapterPackage));
                } else {
                    assertThat(jar.entryNames()).noneMatch(name -> name.startsWith(adapterPackage));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#allJars")
    void importsEveryAtlassianPackageItsClassesUse(Product product, Generation generation) throws Exception {
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            Set<String> used = new TreeSet<>();
            for (String name : jar.entryNames()) {
                if (name.endsWith(".class")) {
                    Matcher matcher = ATLASSIAN_TYPE.matcher(new String(jar.bytes(name), StandardCharsets.ISO_8859_1));
                    while (matcher.find()) {
                        String type = matcher.group();
                        used.add(type.substring(0, type.lastIndexOf('/')).replace('/', '.'));
                    }
                }
            }
            Map<String, String> imports = jar.imports();
            assertThat(used).as("Atlassian packages referred to").contains("com.atlassian.sal.api.user");
            // Seraph's session keys are compile-time constants, inlined as the real Seraph's are: javac names the
            // class in the constant pool but nothing links to it, so the bundle needs no import of its package.
            assertThat(classFiles(jar)).as("no class links to a Seraph key field").noneMatch(PluginJarContentsIT::linksASeraphKey);
            used.remove("com.atlassian.seraph.auth");
            assertThat(imports.keySet()).containsAll(used);
            assertThat(imports.get("com.atlassian.annotations.security")).contains("resolution:=optional");
            assertThat(imports.get("org.slf4j")).isEqualTo("version=\"[1.7,3)\"");
            if (product == Product.BITBUCKET) {
                assertThat(imports.get("com.atlassian.seraph.service.rememberme"))
                        .as("Seraph is only in shared code on Bitbucket").contains("resolution:=optional");
            } else {
                assertThat(imports.get("com.atlassian.seraph.config")).as("Seraph's configuration (remember-me)").isEmpty();
            }
        }
    }

    private static List<byte[]> classFiles(PluginJar jar) throws java.io.IOException {
        List<byte[]> classes = new java.util.ArrayList<>();
        for (String name : jar.entryNames()) {
            if (name.startsWith("io/lanyard/") && name.endsWith(".class")) {
                classes.add(jar.bytes(name));
            }
        }
        return classes;
    }

    private static boolean linksASeraphKey(byte[] classFile) {
        try {
            return HostReferences.of(classFile).stream().anyMatch(reference -> reference.startsWith(
                    "com/atlassian/seraph/auth/DefaultAuthenticator."));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#allJars")
    void importsTheServletApiOfItsGenerationOnly(Product product, Generation generation) throws Exception {
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            Map<String, String> imports = jar.imports();
            String other = generation == Generation.JAVAX ? "jakarta.servlet" : "javax.servlet";
            assertThat(imports).containsKeys(generation.servletPackage(), generation.servletPackage() + ".http");
            assertThat(imports.keySet()).noneMatch(name -> name.startsWith(other));
            assertThat(imports.keySet()).as("java.* comes from the boot class path").noneMatch(name -> name.startsWith("java."));
            assertThat(imports.keySet()).as("Spring is the extender's business").noneMatch(name -> name.startsWith("org.springframework"));
        }
    }
}
