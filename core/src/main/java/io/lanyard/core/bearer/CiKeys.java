package io.lanyard.core.bearer;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.lanyard.core.cache.RefreshingValue;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.discovery.ProviderMetadataSource;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.http.Urls;
import io.lanyard.core.keys.KeySource;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where a CI's keys are: a policy's configured or preset location ({@code <iss>/keys.json} for Bitbucket), or the
 * {@code jwks_uri} of the issuer's discovery document (OpenID Connect Discovery 1.0 §4; its {@code issuer} must equal
 * the policy's), fetched once and kept as for identity providers. A CI's document is not a login provider's: GitHub's
 * has no authorization or token endpoint, so only {@code issuer} and {@code jwks_uri} are read.
 */
final class CiKeys {

    private final ProviderHttpClient http;
    private final Function<URI, KeySource> keysAt;
    private final Clock clock;
    private final ConcurrentHashMap<URI, RefreshingValue<URI>> discovery = new ConcurrentHashMap<>();

    CiKeys(ProviderHttpClient http, Function<URI, KeySource> keysAt, Clock clock) {
        this.http = http;
        this.keysAt = keysAt;
        this.clock = clock;
    }

    /**
     * @throws io.lanyard.core.error.LanyardException when the discovery document cannot be had
     */
    KeySource of(CiTrustPolicy policy) {
        Optional<URI> known = policy.knownKeysLocation();
        if (known.isPresent()) {
            return keysAt.apply(known.get());
        }
        RefreshingValue<URI> jwksUri = discovery.computeIfAbsent(policy.discoveryUrl(),
                url -> new RefreshingValue<>("keys location of " + policy.issuer(), () -> jwksUri(policy.issuer(), url),
                        clock, ProviderMetadataSource.TIME_TO_LIVE, ProviderMetadataSource.MIN_FETCH_INTERVAL,
                        http.limits().responseTimeout(), ErrorCode.DISCOVERY_UNREACHABLE));
        return keysAt.apply(jwksUri.get());
    }

    private URI jwksUri(String issuer, URI discoveryUrl) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, discoveryUrl);
        request.setAccept("application/json");
        HTTPResponse response = http.send(request, ErrorCode.DISCOVERY_UNREACHABLE);
        if (response.getStatusCode() != 200) {
            throw new LoginFailedException(ErrorCode.DISCOVERY_UNREACHABLE, "metadata at " + discoveryUrl
                    + " answered HTTP " + response.getStatusCode());
        }
        Map<String, Object> document;
        try {
            document = JSONObjectUtils.parse(response.getBody());
        } catch (ParseException e) {
            throw new LoginFailedException(ErrorCode.DISCOVERY_INVALID, "metadata at " + discoveryUrl + " is not JSON");
        }
        // OIDC Discovery 1.0 §4.3: the announced issuer is identical to the one the document was fetched for.
        if (!issuer.equals(document.get("issuer"))) {
            throw new LoginFailedException(ErrorCode.DISCOVERY_ISSUER_MISMATCH, "metadata at " + discoveryUrl
                    + " announces another issuer than " + issuer);
        }
        try {
            URI keys = document.get("jwks_uri") instanceof String text ? new URI(text) : null;
            if (keys == null || !Urls.isHttpsOrLoopbackHttp(keys)) {
                throw new LoginFailedException(ErrorCode.DISCOVERY_INVALID, "metadata at " + discoveryUrl
                        + " has no https jwks_uri");
            }
            return keys;
        } catch (URISyntaxException e) {
            throw new LoginFailedException(ErrorCode.DISCOVERY_INVALID, "metadata at " + discoveryUrl
                    + " has an invalid jwks_uri");
        }
    }
}
