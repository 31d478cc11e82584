package io.lanyard.sandbox.idp;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in provider's {@code end_session_endpoint} (RP-Initiated Logout 1.0), in front of the mock library's: it
 * checks the {@code id_token_hint} is one it signed, then tells Lanyard over the back channel (Back-Channel Logout 1.0:
 * a signed logout token for the hint's {@code sub}, POSTed as a form) so that the person's product sessions end on
 * every node, and sends the browser to the {@code post_logout_redirect_uri} with its {@code state} when that is
 * Lanyard's registered one. The mock library keeps no session of its own, so this is the whole sign-out.
 */
final class EndSessionRoute implements Route {

    static final String BACK_CHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final Logger LOG = LoggerFactory.getLogger(EndSessionRoute.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final OAuth2TokenProvider tokens;
    private final String clientId;
    private final Supplier<String> postLogoutRedirectUri;
    private final Supplier<Optional<URI>> backChannelLogoutUri;

    /**
     * @param postLogoutRedirectUri the one registered return address (Lanyard's), read per request
     * @param backChannelLogoutUri  Lanyard's back-channel endpoint for this provider, once known
     */
    EndSessionRoute(OAuth2TokenProvider tokens, String clientId, Supplier<String> postLogoutRedirectUri,
            Supplier<Optional<URI>> backChannelLogoutUri) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.postLogoutRedirectUri = Objects.requireNonNull(postLogoutRedirectUri, "postLogoutRedirectUri");
        this.backChannelLogoutUri = Objects.requireNonNull(backChannelLogoutUri, "backChannelLogoutUri");
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return ProviderPaths.isEndSessionRequest(request);
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        String hint = request.getUrl().queryParameter("id_token_hint");
        String requestedReturn = request.getUrl().queryParameter("post_logout_redirect_uri");
        String state = request.getUrl().queryParameter("state");
        String client = request.getUrl().queryParameter("client_id");
        if (client != null && !clientId.equals(client)) {
            return ProviderResponses.page(400, "Unknown client", "<h1>Unknown client</h1>");
        }
        if (requestedReturn != null && !requestedReturn.equals(postLogoutRedirectUri.get())) {
            return ProviderResponses.page(400, "Return address not registered", "<h1>Return address not registered"
                    + "</h1>\n<p>post_logout_redirect_uri must be Lanyard's post-logout address.</p>");
        }
        Optional<String> subject = hint == null ? Optional.empty() : subjectOf(hint);
        if (hint != null && subject.isEmpty()) {
            return ProviderResponses.page(400, "Invalid id_token_hint", "<h1>Invalid id_token_hint</h1>");
        }
        subject.ifPresent(sub -> sendBackChannelLogout(BuiltInProvider.issuerAt(request.getUrl().port()).toString(), sub));
        if (requestedReturn == null) {
            return ProviderResponses.page(200, "Signed out", "<h1>You are signed out of the sandbox provider.</h1>");
        }
        return ProviderResponses.redirect(requestedReturn + (state == null ? ""
                : "?state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)));
    }

    /** The {@code sub} of an ID token this provider signed (expired or not: RP-Initiated Logout 1.0 §2). */
    private Optional<String> subjectOf(String idToken) {
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            JWK key = tokens.publicJwkSet(ProviderPaths.ISSUER_ID).getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new RSASSAVerifier(key.toRSAKey()))) {
                return Optional.empty();
            }
            return Optional.ofNullable(jwt.getJWTClaimsSet().getSubject());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private void sendBackChannelLogout(String issuer, String subject) {
        Optional<URI> endpoint = backChannelLogoutUri.get();
        if (endpoint.isEmpty()) {
            LOG.info("Signed out {} at the sandbox provider; no Lanyard back-channel endpoint known", subject);
            return;
        }
        String logoutToken = tokens.jwt(Map.of("iss", issuer, "aud", List.of(clientId), "sub", subject,
                "jti", UUID.randomUUID().toString(), "events", Map.of(BACK_CHANNEL_LOGOUT_EVENT, Map.of())),
                Duration.ofMinutes(2), ProviderPaths.ISSUER_ID).serialize();
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(endpoint.get())
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token="
                            + URLEncoder.encode(logoutToken, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            LOG.info("Back-channel logout of {} sent to {}: {} {}", subject, endpoint.get(), answer.statusCode(),
                    answer.body());
        } catch (java.io.IOException e) {
            LOG.warn("Back-channel logout of {} to {} failed: {}", subject, endpoint.get(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
