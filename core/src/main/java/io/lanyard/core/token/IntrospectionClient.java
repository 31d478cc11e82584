package io.lanyard.core.token;

import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.http.ProviderHttpClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Asks an issuer's introspection endpoint (RFC 7662) about a token a client presented, as Lanyard's client
 * ({@code client_secret_basic}, §2.1), and checks the answer: {@code active} true (§2.2), then the same claims as a JWT
 * access token (issuer, audience, lifetime, client), because an authorization server answers for every resource
 * server it serves (§4).
 */
public final class IntrospectionClient {

    private static final String WHAT = "introspection answer";

    private final ProviderHttpClient http;
    private final Clock clock;

    public IntrospectionClient(ProviderHttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * @throws TokenRejectedException {@code BEARER_INACTIVE}, or a {@code BEARER_*} code of the claims
     * @throws LanyardException {@code INTROSPECTION_FAILED}: unreachable, Lanyard's client refused, not an answer
     */
    public VerifiedAccessToken introspect(String token, TokenIssuerConfig issuer,
            io.lanyard.core.secret.Secret clientSecret) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, issuer.introspectionEndpoint().orElseThrow(
                () -> new LanyardException(ErrorCode.INTROSPECTION_FAILED, "no introspection endpoint configured")));
        request.setAuthorization(new ClientSecretBasic(new ClientID(issuer.clientId()),
                new Secret(clientSecret.reveal())).toHTTPAuthorizationHeader());
        request.setEntityContentType(com.nimbusds.common.contenttype.ContentType.APPLICATION_URLENCODED);
        request.setAccept("application/json");
        request.setBody("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&token_type_hint=access_token");
        HTTPResponse response;
        try {
            response = http.send(request, ErrorCode.INTROSPECTION_FAILED);
        } catch (LanyardException e) {
            throw new LanyardException(ErrorCode.INTROSPECTION_FAILED, e.getMessage());
        }
        String where = "POST " + ProviderHttpClient.withoutQuery(request.getURI());
        if (response.getStatusCode() != 200) {
            throw new LanyardException(ErrorCode.INTROSPECTION_FAILED, where + " answered HTTP "
                    + response.getStatusCode() + (response.getStatusCode() == 401 ? " (Lanyard's client id or secret"
                    + " is refused)" : ""));
        }
        return check(parse(response.getBody(), where), issuer);
    }

    /** The answer's members; {@code INTROSPECTION_FAILED} for anything but one JSON object. */
    static Map<String, Object> parse(String body, String where) {
        byte[] json = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
        try {
            return TokenJson.object(json, 0, json.length);
        } catch (IOException e) {
            throw new LanyardException(ErrorCode.INTROSPECTION_FAILED, where + " answered something that is not a JSON"
                    + " object: " + e.getMessage());
        }
    }

    /** RFC 7662 §2.2: active is a boolean, and only true says anything about the token. */
    VerifiedAccessToken check(Map<String, Object> answer, TokenIssuerConfig issuer) {
        Object active = answer.get("active");
        if (!(active instanceof Boolean)) {
            throw new LanyardException(ErrorCode.INTROSPECTION_FAILED, "the introspection answer has no boolean active");
        }
        if (!((Boolean) active)) {
            throw AccessTokenClaims.rejected(WHAT, ErrorCode.BEARER_INACTIVE, "says the token is not active");
        }
        return AccessTokenClaims.check(answer, issuer, clock.instant(), WHAT);
    }
}
