package io.lanyard.core.token;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.http.ProviderHttpClient;
import java.net.URI;
import java.util.Optional;

/** Exchanges an authorization code at the token endpoint (OIDC Core 1.0 §3.1.3.1 to §3.1.3.4, RFC 7636 §4.5). */
public final class TokenClient {

    private final ProviderHttpClient http;

    public TokenClient(ProviderHttpClient http) {
        this.http = http;
    }

    /** Everything the token request needs; a secret is revealed only into the request's authentication. */
    public record CodeExchange(URI tokenEndpoint, String clientId, ClientCredential credential,
            String code, URI redirectUri, String codeVerifier) {

        @Override
        public String toString() {
            return "CodeExchange[" + tokenEndpoint + ", clientId=" + clientId + "]";
        }
    }

    /**
     * @throws LoginFailedException {@code TOKEN_ENDPOINT_UNREACHABLE}, {@code CLIENT_AUTHENTICATION_FAILED} (or
     *         {@code CLIENT_ASSERTION_REFUSED} for {@code private_key_jwt}), {@code TOKEN_REQUEST_REJECTED},
     *         {@code TOKEN_RESPONSE_INVALID} or {@code ID_TOKEN_MISSING}
     */
    public TokenResult exchange(CodeExchange exchange) {
        TokenRequest request = new TokenRequest(exchange.tokenEndpoint(),
                exchange.credential().authentication(exchange.clientId()),
                new AuthorizationCodeGrant(new AuthorizationCode(exchange.code()), exchange.redirectUri(),
                        new CodeVerifier(exchange.codeVerifier())));
        HTTPResponse httpResponse = http.send(request.toHTTPRequest(), ErrorCode.TOKEN_ENDPOINT_UNREACHABLE);
        TokenResponse response = parse(httpResponse, exchange);
        if (!response.indicatesSuccess()) {
            throw refused(response.toErrorResponse().getErrorObject(), httpResponse.getStatusCode(), exchange);
        }
        // OIDC Core §3.1.3.3: a successful token response of the code flow MUST contain an id_token.
        Object idToken = response.toSuccessResponse().getCustomParameters().get("id_token");
        if (!(idToken instanceof String raw) || raw.isBlank()) {
            throw new LoginFailedException(ErrorCode.ID_TOKEN_MISSING,
                    "token response of " + exchange.tokenEndpoint() + " has no id_token");
        }
        AccessToken accessToken = response.toSuccessResponse().getTokens().getAccessToken();
        return new TokenResult(raw, Optional.ofNullable(accessToken).map(AccessToken::getValue));
    }

    private static TokenResponse parse(HTTPResponse httpResponse, CodeExchange exchange) {
        try {
            return TokenResponse.parse(httpResponse);
        } catch (ParseException e) {
            if (httpResponse.getStatusCode() == 401) {
                throw new LoginFailedException(exchange.credential().refusedCode(), "token endpoint "
                        + exchange.tokenEndpoint() + " answered HTTP 401 without an OAuth error body");
            }
            throw new LoginFailedException(ErrorCode.TOKEN_RESPONSE_INVALID, "token endpoint " + exchange.tokenEndpoint()
                    + " answered HTTP " + httpResponse.getStatusCode() + " with an invalid body: " + e.getMessage());
        }
    }

    private static LoginFailedException refused(ErrorObject error, int status, CodeExchange exchange) {
        String code = error == null ? null : error.getCode();
        // RFC 6749 §5.2: invalid_client (usually with 401) means our client id, secret or assertion was not accepted.
        ErrorCode reason = "invalid_client".equals(code) || status == 401
                ? exchange.credential().refusedCode() : ErrorCode.TOKEN_REQUEST_REJECTED;
        return new LoginFailedException(reason, "token endpoint " + exchange.tokenEndpoint() + " refused the code: HTTP "
                + status + " error=" + (code == null ? "(none)" : code) + " (" + exchange.credential() + ")", code);
    }
}
