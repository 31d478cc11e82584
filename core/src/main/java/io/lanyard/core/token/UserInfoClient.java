package io.lanyard.core.token;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.keys.KeyRefetch;
import io.lanyard.core.keys.KeySource;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the userinfo endpoint (OIDC Core 1.0 §5.3) and applies its checks. */
public final class UserInfoClient {

    private final ProviderHttpClient http;

    public UserInfoClient(ProviderHttpClient http) {
        this.http = http;
    }

    /**
     * @param idToken the validated ID token of this login: its {@code sub} must match
     * @return the claims of the userinfo response
     * @throws LoginFailedException {@code USERINFO_UNREACHABLE}, {@code USERINFO_REJECTED}, {@code USERINFO_INVALID}
     *         or {@code USERINFO_SUBJECT_MISMATCH}; signature failures of a signed response as for ID tokens
     */
    public Map<String, Object> fetch(URI endpoint, String accessToken, ValidatedIdToken idToken,
            IdTokenExpectations expected, KeySource keys) {
        // §5.3.1: the access token is sent as a Bearer token in the Authorization header (RFC 6750 §2.1).
        UserInfoRequest request = new UserInfoRequest(endpoint, new BearerAccessToken(accessToken));
        HTTPResponse response = http.send(request.toHTTPRequest(), ErrorCode.USERINFO_UNREACHABLE);
        if (response.getStatusCode() != 200) {
            throw new LoginFailedException(ErrorCode.USERINFO_REJECTED,
                    "userinfo endpoint " + endpoint + " answered HTTP " + response.getStatusCode());
        }
        Map<String, Object> claims = isJwt(response)
                ? signedClaims(response.getBody(), expected, keys, endpoint)
                : jsonClaims(response.getBody(), endpoint);
        // §5.3.4: the sub in the userinfo response MUST exactly match the sub of the ID token.
        Object subject = claims.get("sub");
        if (!(subject instanceof String)) {
            throw new LoginFailedException(ErrorCode.USERINFO_INVALID, "userinfo response of " + endpoint + " has no sub");
        }
        if (!subject.equals(idToken.subject())) {
            throw new LoginFailedException(ErrorCode.USERINFO_SUBJECT_MISMATCH,
                    "userinfo sub differs from the ID token's sub (token substitution?)");
        }
        return claims;
    }

    private static boolean isJwt(HTTPResponse response) {
        String type = response.getHeaderValue("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/jwt");
    }

    private static Map<String, Object> jsonClaims(String body, URI endpoint) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new LoginFailedException(ErrorCode.USERINFO_INVALID,
                    "userinfo response of " + endpoint + " is not a JSON object");
        }
    }

    /** §5.3.2: a signed response is verified like an ID token; iss and aud, when present, must be right. */
    private static Map<String, Object> signedClaims(String body, IdTokenExpectations expected, KeySource keys, URI endpoint) {
        // From the provider's own userinfo endpoint, like the ID token: an unknown key id is news from the provider.
        CompactJws jws = TokenSignatureVerifier.verify(body.strip(), expected.allowedAlgorithms(), keys,
                expected.clientSecret(), "signed userinfo response", KeyRefetch.AT_ONCE);
        JWTClaimsSet claims = jws.claims("signed userinfo response");
        if (claims.getIssuer() != null && !claims.getIssuer().equals(expected.issuer())) {
            throw new LoginFailedException(ErrorCode.USERINFO_INVALID,
                    "signed userinfo response of " + endpoint + " has iss \"" + claims.getIssuer() + "\"");
        }
        List<String> audience = claims.getAudience();
        if (audience != null && !audience.isEmpty() && !audience.contains(expected.clientId())) {
            throw new LoginFailedException(ErrorCode.USERINFO_INVALID,
                    "signed userinfo response of " + endpoint + " is not addressed to our client id");
        }
        return claims.getClaims();
    }
}
