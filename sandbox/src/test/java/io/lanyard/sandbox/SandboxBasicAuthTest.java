package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.bearer.BasicAuthOffFile;
import io.lanyard.core.config.xml.SettingsXml;
import io.lanyard.sandbox.idp.ClientSecretFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Basic-auth side door in a running sandbox, as curl would try it: the sandbox's own Basic authentication answers
 * a password; with settings.xml's {@code basic-auth} on, the password of an account Lanyard manages (the service
 * account {@code sandbox-bot}) is refused with 401 {@code WWW-Authenticate: Basic} and LNY-918, while an account Lanyard
 * does not manage, an excepted account, and everyone after the switch-off file get in. Every change is a file edit in
 * Lanyard's folder, read without a restart.
 */
class SandboxBasicAuthTest {

    @TempDir
    static Path home;
    private static RunningSandbox sandbox;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.onFreePorts(home));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** curl -u USER:PASSWORD http://localhost:PORT/rest/sandbox/1/whoami */
    private static HttpResponse<String> whoami(String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/rest/sandbox/1/whoami"))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The README's API access steps: the first call creates the service account sandbox-bot, marked as Lanyard's. */
    private static void createServiceAccountByAToken() throws Exception {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(home.resolve(ClientSecretFile.FILE_NAME))) {
            properties.load(in);
        }
        HttpResponse<String> tokenResponse = HTTP.send(HttpRequest.newBuilder(URI.create(
                        sandbox.builtInIssuer().orElseThrow() + "/token"))
                .header("Authorization", basic("lanyard-sandbox", properties.getProperty("client_secret")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(tokenResponse.body());
        assertThat(token.find()).isTrue();
        assertThat(whoami("Bearer " + token.group(1)).body()).contains("\"username\":\"sandbox-bot\"");
    }

    /** Writes settings.xml's basic-auth section by hand, as an administrator on the server would. */
    private static void basicAuthSection(String section) throws Exception {
        Path file = sandbox.lanyardDirectory().resolve(SettingsXml.FILE_NAME);
        String xml = Files.exists(file) ? Files.readString(file) : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<lanyard-settings version=\"1\">\n</lanyard-settings>\n";
        xml = xml.replaceAll("(?s)\\s*<basic-auth>.*</basic-auth>", "");
        Files.writeString(file, xml.replace("</lanyard-settings>", section + "\n</lanyard-settings>"));
    }

    @Test
    void aManagedAccountsPasswordIsRefusedUntilExceptedOrSwitchedOffFromTheHomeFolder() throws Exception {
        createServiceAccountByAToken();
        assertThat(whoami(basic("sandbox-bot", "sandbox-bot")).body())
                .as("refusal off by default: the sandbox's own Basic authentication answers")
                .contains("\"username\":\"sandbox-bot\"");

        basicAuthSection("<basic-auth><REFUSE_FOR_MANAGED_ACCOUNTS>true</REFUSE_FOR_MANAGED_ACCOUNTS></basic-auth>");
        HttpResponse<String> refused = whoami(basic("sandbox-bot", "sandbox-bot"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm=\"lanyard\""));
        assertThat(refused.body()).contains("LNY-918").doesNotContain("Exception");
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> unmanaged = whoami(basic("admin", "admin"));
        assertThat(unmanaged.statusCode()).isEqualTo(200);
        assertThat(unmanaged.body()).contains("\"username\":\"admin\"");

        basicAuthSection("<basic-auth><REFUSE_FOR_MANAGED_ACCOUNTS>true</REFUSE_FOR_MANAGED_ACCOUNTS>"
                + "<EXCEPT_ACCOUNT>sandbox-bot</EXCEPT_ACCOUNT></basic-auth>");
        assertThat(whoami(basic("sandbox-bot", "sandbox-bot")).statusCode()).isEqualTo(200);

        basicAuthSection("<basic-auth><REFUSE_FOR_MANAGED_ACCOUNTS>true</REFUSE_FOR_MANAGED_ACCOUNTS>"
                + "<EXCEPT_ADDRESS>10.0.0.0/8</EXCEPT_ADDRESS></basic-auth>");
        assertThat(whoami(basic("sandbox-bot", "sandbox-bot")).statusCode()).isEqualTo(401);

        Path off = sandbox.lanyardDirectory().resolve(BasicAuthOffFile.FILE_NAME);
        Files.createFile(off);
        assertThat(whoami(basic("sandbox-bot", "sandbox-bot")).statusCode()).isEqualTo(200);
        Files.delete(off);
        assertThat(whoami(basic("sandbox-bot", "sandbox-bot")).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsTheSandboxsOwnRefusal() throws Exception {
        HttpResponse<String> wrong = whoami(basic("admin", "not-admin"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"sandbox\"");
        assertThat(wrong.body()).doesNotContain("LNY-918");
    }
}
