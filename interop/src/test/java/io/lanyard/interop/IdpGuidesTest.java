package io.lanyard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the setup guides in {@code docs/idps/} true to the code: every error code they name exists, the text shown
 * next to a code is the error page's title for it, every guide is linked from the index, and the "verified with"
 * lists name the provider versions the interoperability tests run.
 */
class IdpGuidesTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("interop.repository", ".."));
    private static final Path GUIDES = REPOSITORY.resolve("docs/idps");
    private static final Pattern CODE = Pattern.compile("LNY-\\d{3}");
    private static final Pattern SINGLE_CODE_CELL = Pattern.compile("`(LNY-\\d{3})`");
    private static final Map<String, ErrorCode> CODES = Arrays.stream(ErrorCode.values())
            .collect(Collectors.toMap(ErrorCode::code, Function.identity()));

    private static List<Path> guides() throws IOException {
        try (Stream<Path> files = Files.list(GUIDES)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }

    @Test
    void everyErrorCodeTheGuidesNameExists() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Path guide : guides()) {
            Matcher codes = CODE.matcher(Files.readString(guide));
            while (codes.find()) {
                if (!CODES.containsKey(codes.group())) {
                    unknown.add(guide.getFileName() + ": " + codes.group());
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theTextNextToAnErrorCodeInATableIsTheErrorPagesTitle() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = IdpGuidesTest.class.getResourceAsStream("/lanyard-i18n.properties")) {
            assertThat(in).as("lanyard-i18n.properties on the test class path").isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path guide : guides()) {
            for (String line : Files.readAllLines(guide)) {
                if (!line.startsWith("|")) {
                    continue;
                }
                List<String> cells = Arrays.stream(line.split("\\|")).map(String::strip).toList();
                List<String> codeCells = cells.stream().filter(c -> SINGLE_CODE_CELL.matcher(c).matches()).toList();
                if (codeCells.size() != 1) {
                    continue;
                }
                Matcher code = SINGLE_CODE_CELL.matcher(codeCells.get(0));
                code.matches();
                String title = texts.getProperty(CODES.get(code.group(1)).i18nKey());
                checked++;
                if (cells.stream().noneMatch(c -> c.startsWith(title))) {
                    wrong.add(guide.getFileName() + ": " + code.group(1) + " is titled \"" + title + "\", not in: " + line);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).as("table rows checked").isGreaterThan(30);
    }

    @Test
    void theIndexLinksEveryGuideAndSaysWhichAreVerified() throws IOException {
        String index = Files.readString(GUIDES.resolve("README.md"));
        for (Path guide : guides()) {
            String name = guide.getFileName().toString();
            if (!name.equals("README.md")) {
                assertThat(index).as("link to " + name).contains("](" + name + ")");
                assertThat(Files.readString(guide)).containsAnyOf("**Verified by tests**", "**Not verified by tests.**");
            }
        }
    }

    @Test
    void theVerifiedWithListsNameTheProviderVersionsTheTestsRun() throws IOException {
        String keycloak = "Keycloak " + System.getProperty("interop.keycloak.version");
        String oidcProvider = "oidc-provider " + packageVersion();
        for (Path document : List.of(REPOSITORY.resolve("README.md"), GUIDES.resolve("README.md"))) {
            assertThat(Files.readString(document)).as(document.toString()).contains(keycloak).contains(oidcProvider);
        }
        assertThat(Files.readString(GUIDES.resolve("keycloak.md"))).contains(keycloak);
        assertThat(Files.readString(GUIDES.resolve("generic.md"))).contains(oidcProvider);
    }

    /** The oidc-provider version the committed lock file pins. */
    private static String packageVersion() throws IOException {
        String lock = Files.readString(REPOSITORY.resolve("interop/src/test/node/package-lock.json"));
        Matcher version = Pattern.compile("\"node_modules/oidc-provider\":\\s*\\{\\s*\"version\":\\s*\"([^\"]+)\"")
                .matcher(lock);
        assertThat(version.find()).as("oidc-provider in package-lock.json").isTrue();
        return version.group(1);
    }
}
