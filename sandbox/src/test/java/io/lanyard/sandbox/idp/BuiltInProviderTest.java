package io.lanyard.sandbox.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lanyard.core.secret.Secret;
import io.lanyard.sandbox.app.Json;
import io.lanyard.sandbox.graph.StandInTenant;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in provider over HTTP: it checks its client, redirect URIs and PKCE, and sends the usual claims. */
class BuiltInProviderTest {

    private static final String SECRET = "the-client-secret";
    private static final String CALLBACKS = "http://localhost:1/plugins/servlet/lanyard/callback/";
    private static final String REDIRECT_URI = CALLBACKS + "idp1";
    private static final String VERIFIER = "verifier-verifier-verifier-verifier-verifier-1";

    private static BuiltInProvider provider;
    private static final StandInTenant tenant = new StandInTenant();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        provider = BuiltInProvider.start(0, Secret.of(SECRET), () -> CALLBACKS, () -> null, java.util.Optional::empty, tenant);
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Test
    void announcesItsIssuerOnLocalhost() throws Exception {
        HttpResponse<String> discovery = send(HttpRequest.newBuilder(
                URI.create(provider.issuer() + "/.well-known/openid-configuration")).GET());

        assertThat(provider.issuer()).isEqualTo(URI.create("http://localhost:" + provider.port() + "/sandbox"));
        assertThat(discovery.body()).contains("\"issuer\" : \"" + provider.issuer() + "\"");
        assertThat(BuiltInProvider.portOfIssuer(provider.issuer().toString())).isEqualTo(provider.port());
        assertThat(BuiltInProvider.portOfIssuer("https://login.example.com/sandbox")).isEqualTo(-1);
    }

    @Test
    void issuesAnIdTokenWithTheTypedUsernameAndItsClaimsToTheAuthenticatedClient() throws Exception {
        String code = signIn("alice", challenge(VERIFIER));

        HttpResponse<String> tokens = token(basic("lanyard-sandbox", SECRET), exchange(code, VERIFIER));

        assertThat(tokens.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = SignedJWT.parse(field(tokens.body(), "id_token")).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("alice");
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@example.com");
        assertThat(claims.getStringClaim("name")).as("the demo account's own name").isEqualTo("Alice Anderson");
        assertThat(claims.getAudience()).containsExactly("lanyard-sandbox");
        assertThat(claims.getIssuer()).isEqualTo(provider.issuer().toString());
        assertThat(claims.getStringClaim("nonce")).isEqualTo("n-1");
    }

    @Test
    void acceptsTheClientSecretInTheFormBody() throws Exception {
        String code = signIn("bob", challenge(VERIFIER));

        HttpResponse<String> tokens = token(null,
                exchange(code, VERIFIER) + "&client_id=lanyard-sandbox&client_secret=" + SECRET);

        assertThat(tokens.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesATokenRequestWithoutClientAuthentication() throws Exception {
        assertInvalidClient(token(null, exchange("any", VERIFIER) + "&client_id=lanyard-sandbox"));
    }

    @Test
    void refusesAWrongSecretSentWithBasic() throws Exception {
        assertInvalidClient(token(basic("lanyard-sandbox", "guess"), exchange("any", VERIFIER)));
    }

    @Test
    void refusesAWrongSecretSentInTheBody() throws Exception {
        assertInvalidClient(token(null, exchange("any", VERIFIER) + "&client_id=lanyard-sandbox&client_secret=guess"));
    }

    @Test
    void refusesAnotherClientIdWithTheRightSecret() throws Exception {
        assertInvalidClient(token(basic("someone-else", SECRET), exchange("any", VERIFIER)));
    }

    @Test
    void refusesTwoClientAuthenticationMethodsAtOnce() throws Exception {
        assertInvalidClient(token(basic("lanyard-sandbox", SECRET),
                exchange("any", VERIFIER) + "&client_id=lanyard-sandbox&client_secret=" + SECRET));
    }

    @Test
    void refusesACodeExchangeWithoutVerifier() throws Exception {
        String code = signIn("alice", challenge(VERIFIER));

        HttpResponse<String> tokens = token(basic("lanyard-sandbox", SECRET),
                "grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode(REDIRECT_URI));

        assertThat(tokens.statusCode()).isEqualTo(400);
        assertThat(field(tokens.body(), "error")).isEqualTo("invalid_grant");
    }

    @Test
    void refusesACodeExchangeWithAVerifierThatDoesNotMatchTheChallenge() throws Exception {
        String code = signIn("alice", challenge(VERIFIER));

        HttpResponse<String> tokens = token(basic("lanyard-sandbox", SECRET),
                exchange(code, "another-verifier-another-verifier-another-verifier"));

        assertThat(tokens.statusCode()).isEqualTo(400);
        assertThat(field(tokens.body(), "error")).isEqualTo("invalid_grant");
    }

    @Test
    void sendsAnAuthorizationRequestWithoutS256ChallengeBackWithInvalidRequest() throws Exception {
        HttpResponse<String> plain = send(HttpRequest.newBuilder(authorize(REDIRECT_URI, "lanyard-sandbox",
                "&code_challenge=" + VERIFIER + "&code_challenge_method=plain")).GET());
        HttpResponse<String> none = send(HttpRequest.newBuilder(authorize(REDIRECT_URI, "lanyard-sandbox", "")).GET());

        for (HttpResponse<String> response : new HttpResponse[] {plain, none}) {
            assertThat(response.statusCode()).isEqualTo(302);
            Map<String, String> back = query(URI.create(response.headers().firstValue("Location").orElseThrow()));
            assertThat(back).containsEntry("error", "invalid_request").containsEntry("state", "s-1");
        }
    }

    @Test
    void showsAnErrorInsteadOfRedirectingToAnUnregisteredRedirectUri() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(authorize("https://evil.example/cb", "lanyard-sandbox",
                pkce(challenge(VERIFIER)))).GET());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("Redirect URI not registered");
    }

    @Test
    void showsAnErrorForAnUnknownClient() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(authorize(REDIRECT_URI, "someone-else",
                pkce(challenge(VERIFIER)))).GET());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Unknown client");
    }

    @Test
    void cancellingSendsAccessDeniedWithTheStateBack() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(authorize(REDIRECT_URI, "lanyard-sandbox",
                pkce(challenge(VERIFIER)))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("cancel=1")));

        Map<String, String> back = query(URI.create(response.headers().firstValue("Location").orElseThrow()));
        assertThat(back).containsEntry("error", "access_denied").containsEntry("state", "s-1");
    }

    @Test
    void claimsAreValidJsonEvenForAUsernameWithQuotes() {
        SignIn signIn = SignIn.read(Map.of("username", "o\"neil\\x")::get).signIn().orElseThrow();

        String json = Json.value(signIn.claims(new StandInTenant()));

        // auth_time (when the person signed in, OIDC Core §2) is now: a number, checked apart
        assertThat(json).containsPattern("\"auth_time\":\\d{10},");
        assertThat(json.replaceAll("\"auth_time\":\\d+,", ""))
                .isEqualTo("{\"preferred_username\":\"o\\\"neil\\\\x\",\"email\":\"o\\\"neil\\\\x@example.com\","
                        + "\"email_verified\":true,\"name\":\"O\\\"neil\\\\x\",\"groups\":[]}");
    }

    @Test
    void theTypedGroupsDisplayNameAndEmailGoIntoTheIdToken() throws Exception {
        String code = signIn("username=dave&groups=" + encode("engineering, QA Team ,engineering,")
                + "&name=" + encode("Dave Davis") + "&email=" + encode("dave@corp.example"), challenge(VERIFIER));

        JWTClaimsSet claims = SignedJWT.parse(field(token(basic("lanyard-sandbox", SECRET), exchange(code, VERIFIER))
                .body(), "id_token")).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("groups")).containsExactly("engineering", "QA Team");
        assertThat(claims.getStringClaim("name")).isEqualTo("Dave Davis");
        assertThat(claims.getStringClaim("email")).isEqualTo("dave@corp.example");
        assertThat(claims.getBooleanClaim("email_verified")).isTrue();
    }

    @Test
    void anOverageSignInSendsAnOidAndEntrasClaimSourcesInsteadOfTheGroups() throws Exception {
        String code = signIn("username=erin&groups=engineering&overage=1", challenge(VERIFIER));

        JWTClaimsSet claims = SignedJWT.parse(field(token(basic("lanyard-sandbox", SECRET), exchange(code, VERIFIER))
                .body(), "id_token")).getJWTClaimsSet();
        assertThat(claims.getClaim("groups")).isNull();
        assertThat(claims.getStringClaim("oid")).isEqualTo(StandInTenant.objectIdOf("erin"));
        assertThat(claims.getJSONObjectClaim("_claim_names")).containsEntry("groups", "src1");
        assertThat(tenant.groupsOf(StandInTenant.objectIdOf("erin"))).hasValueSatisfying(groups ->
                assertThat(groups).extracting(StandInTenant.Group::displayName).containsExactly("engineering"));
    }

    @Test
    void tooManyGroupsOrAGroupWithAControlCharacterShowTheFormAgain() throws Exception {
        URI authorize = authorize(REDIRECT_URI, "lanyard-sandbox", pkce(challenge(VERIFIER)));
        HttpResponse<String> refused = send(HttpRequest.newBuilder(authorize)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=dave&groups=" + encode("a\u0007b"))));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<p id=\"message\">Type at most 50 groups");
    }

    @Test
    void theSignInPageListsEveryDemoAccountWithWhatItShows() throws Exception {
        URI authorize = authorize(REDIRECT_URI, "lanyard-sandbox", pkce(challenge(VERIFIER)));

        assertThat(send(HttpRequest.newBuilder(authorize).GET()).body())
                .contains("<li><b>alice</b>: an ordinary user</li>")
                .contains("<li><b>admin</b>: a system administrator, who can open Lanyard&#39;s administration</li>")
                .contains("<li><b>carol</b>: a deactivated account, refused with LNY-504</li>")
                .contains("<li><b>any other name, e.g. dave</b>: no account yet: created at the first sign-in")
                .contains("<input name=\"groups\"").contains("<input name=\"name\"").contains("<input name=\"email\"")
                .contains("<input name=\"overage\"");
    }

    // --- helpers ---

    private String signIn(String usernameOrForm, String challenge) throws Exception {
        URI authorize = authorize(REDIRECT_URI, "lanyard-sandbox", pkce(challenge));
        assertThat(send(HttpRequest.newBuilder(authorize).GET()).body()).contains("<form id=\"sign-in\"");
        String form = usernameOrForm.startsWith("username=") ? usernameOrForm : "username=" + encode(usernameOrForm);
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(authorize)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(submitted.statusCode()).isEqualTo(302);
        return query(URI.create(submitted.headers().firstValue("Location").orElseThrow())).get("code");
    }

    private static URI authorize(String redirectUri, String clientId, String extra) {
        return URI.create(provider.issuer() + "/authorize?response_type=code&scope=openid&client_id=" + clientId
                + "&redirect_uri=" + encode(redirectUri) + "&state=s-1&nonce=n-1" + extra);
    }

    private static String pkce(String challenge) {
        return "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static String exchange(String code, String verifier) {
        return "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(REDIRECT_URI)
                + "&code_verifier=" + verifier;
    }

    private HttpResponse<String> token(String authorization, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInvalidClient(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(field(response.body(), "error")).isEqualTo("invalid_client");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((encode(id) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
    }

    private static String challenge(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
