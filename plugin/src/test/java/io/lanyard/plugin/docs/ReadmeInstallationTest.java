package io.lanyard.plugin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's table of which jar each product version takes. A jar of the wrong servlet generation never enables, so
 * the table must follow the products: Platform 8 (jakarta) is Jira 11, Confluence 10, Bitbucket 10 and Bamboo 12;
 * Bamboo 11 is still javax (11.0.7's javadoc shows javax.servlet filters; 12.1.3's BambooAuthenticator takes jakarta
 * types: host-facts.md, "Product generations").
 */
class ReadmeInstallationTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern ROW = Pattern.compile("^\\| (Jira|Confluence|Bitbucket|Bamboo) \\| (\\d+)\\.x \\| `lanyard-(\\w+)-<version>(-jakarta)?\\.jar` \\|$",
            Pattern.MULTILINE);

    @Test
    void eachProductVersionGetsTheJarOfItsServletGeneration() throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(README));
        while (row.find()) {
            assertThat(row.group(3)).isEqualTo(row.group(1).toLowerCase(java.util.Locale.ROOT));
            rows.put(row.group(1) + " " + row.group(2), row.group(4) == null ? "javax" : "jakarta");
        }
        assertThat(rows).containsExactly(
                Map.entry("Jira 10", "javax"), Map.entry("Jira 11", "jakarta"),
                Map.entry("Confluence 9", "javax"), Map.entry("Confluence 10", "jakarta"),
                Map.entry("Bitbucket 9", "javax"), Map.entry("Bitbucket 10", "jakarta"),
                Map.entry("Bamboo 10", "javax"), Map.entry("Bamboo 11", "javax"), Map.entry("Bamboo 12", "jakarta"));
    }
}
