package io.lanyard.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every host class, method and field the eight shipped jars link to, against {@code host-calls.txt}: the list of what
 * the products really have, each with its public evidence (docs/host-evidence.md). Our declarations in host-api
 * compile the plugin and make the fake host of the OSGi proof, so a declaration that differs from the product (as
 * {@code LoginManager.onLoginAttempt} once returned {@code LoginResult} instead of {@code LoginInfo}) passes every
 * other test and fails only on the product, with {@code NoSuchMethodError}. Here it fails: its shape is not on the
 * list. An entry no jar uses any more fails too, so the list stays what Lanyard calls.
 */
class HostCallsIT {

    private static final String LIST = "host-calls.txt";

    @Test
    void everyHostReferenceOfEveryJarIsOnTheListOfEvidence() throws Exception {
        Map<String, String> evidence = evidenceList();
        Map<String, Set<String>> unlisted = new TreeMap<>();
        for (Generation generation : Generation.values()) {
            for (Product product : Product.values()) {
                for (String reference : references(product, generation)) {
                    String asListed = generation == Generation.JAKARTA ? reference.replace("jakarta/servlet/", "javax/servlet/")
                            : reference;
                    if (!evidence.containsKey(asListed)) {
                        unlisted.computeIfAbsent(reference, key -> new TreeSet<>()).add(product.id() + generation.jarSuffix());
                    }
                }
            }
        }
        assertThat(unlisted).as("host references without evidence in " + LIST + " (a declaration that differs from"
                + " the product, or a new call: add it with its evidence)").isEmpty();
    }

    @Test
    void everyEntryOfTheListIsUsedByAJarAndNamesItsEvidence() throws Exception {
        Map<String, String> evidence = evidenceList();
        Set<String> used = new TreeSet<>();
        for (Product product : Product.values()) {
            used.addAll(references(product, Generation.JAVAX));
        }
        assertThat(new TreeSet<>(evidence.keySet())).as("entries no jar uses any more").isSubsetOf(used);
        assertThat(evidence).allSatisfy((reference, source) -> assertThat(source).as(reference)
                .containsPattern("(CONFIRMED|PLAUSIBLE|UNCONFIRMED)").contains("host-evidence.md"));
    }

    /** The jakarta jars link to the same members with the servlet API renamed. */
    @Test
    void theJakartaJarsLinkToWhatTheJavaxJarsLinkTo() throws Exception {
        for (Product product : Product.values()) {
            Set<String> javax = references(product, Generation.JAVAX);
            Set<String> jakarta = new TreeSet<>();
            references(product, Generation.JAKARTA).forEach(reference -> jakarta.add(reference.replace("jakarta/servlet/", "javax/servlet/")));
            assertThat(jakarta).as(product.id()).isEqualTo(javax);
        }
    }

    private static Set<String> references(Product product, Generation generation) throws IOException {
        Set<String> references = new TreeSet<>();
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            for (String name : jar.entryNames()) {
                if (name.startsWith("io/lanyard/") && name.endsWith(".class")) {
                    references.addAll(HostReferences.of(jar.bytes(name)));
                }
            }
        }
        assertThat(references).as(product.id() + generation.jarSuffix()).isNotEmpty();
        return references;
    }

    /**
     * {@code host-calls.txt}: blocks of references under a {@code #} line that names their evidence; each reference's
     * evidence is the comment block above it.
     */
    static Map<String, String> evidenceList() throws IOException {
        Map<String, String> evidence = new LinkedHashMap<>();
        List<String> comment = new ArrayList<>();
        boolean commentEnded = false;
        try (InputStream in = HostCallsIT.class.getResourceAsStream("/" + LIST)) {
            assertThat(in).as(LIST).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.startsWith("#")) {
                    if (commentEnded) {
                        comment.clear();
                        commentEnded = false;
                    }
                    comment.add(trimmed.substring(1).strip());
                } else {
                    commentEnded = true;
                    assertThat(evidence.put(trimmed, String.join(" ", comment))).as("listed twice: " + trimmed).isNull();
                }
            }
        }
        return evidence;
    }
}
