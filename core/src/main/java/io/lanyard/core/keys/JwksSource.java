package io.lanyard.core.keys;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.lanyard.core.cache.RefreshingValue;
import io.lanyard.core.discovery.ProviderDocuments;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.http.ProviderHttpClient;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider's signing keys, fetched from the {@code jwks_uri} of its metadata (never from a token header:
 * {@code jku}, {@code x5u} and embedded {@code jwk} are ignored) and kept.
 *
 * <p>Keys rotate: when a token names a key id that is not held, the set is fetched again, at once for a token from
 * the provider's own token endpoint, at most once per {@link #MIN_FETCH_INTERVAL} for a token a client presents
 * ({@link KeyRefetch}), so a flood of tokens with bogus key ids cannot hammer the provider. When the provider cannot
 * be reached, the keys held keep verifying; see {@link RefreshingValue} for how waiting requests share one fetch.
 */
public final class JwksSource implements KeySource {

    public static final Duration TIME_TO_LIVE = Duration.ofMinutes(15);
    public static final Duration MIN_FETCH_INTERVAL = Duration.ofSeconds(10);
    /** A key set with more keys than this is refused as hostile. */
    static final int MAX_KEYS = 100;

    private final URI jwksUri;
    private final RefreshingValue<VerificationKeys> keys;
    private final AtomicLong fetches = new AtomicLong();

    public JwksSource(URI jwksUri, ProviderHttpClient http, Clock clock) {
        this(jwksUri, http, clock, ProviderDocuments.inMemory(clock));
    }

    /**
     * @param documents where the key set is kept besides memory (the shared home), and used from when the provider
     *                  cannot be reached
     */
    public JwksSource(URI jwksUri, ProviderHttpClient http, Clock clock, ProviderDocuments documents) {
        this.jwksUri = jwksUri;
        this.keys = new RefreshingValue<>("signing keys at " + jwksUri,
                () -> documents.fetch(jwksUri, () -> ProviderDocuments.Fetched.of(fetch(jwksUri, http)),
                        body -> parse(jwksUri, body)), clock,
                TIME_TO_LIVE, MIN_FETCH_INTERVAL, http.limits().responseTimeout(), ErrorCode.JWKS_UNREACHABLE);
    }

    /**
     * @throws LoginFailedException {@code JWKS_UNREACHABLE} or {@code JWKS_INVALID} when no keys are held at all
     */
    @Override
    public List<VerificationKey> candidatesFor(JWSHeader header, KeyRefetch refetch) {
        VerificationKeys held = keys.get();
        String keyId = header.getKeyID();
        if (keyId != null && !held.hasKeyId(keyId)) {
            held = refetch == KeyRefetch.AT_ONCE ? keys.refreshNow() : keys.refreshIfAllowed();
        }
        return held.candidatesFor(header);
    }

    /**
     * The keys held, fetched now if none are (for the admin UI's "Test").
     *
     * @throws LoginFailedException {@code JWKS_UNREACHABLE} or {@code JWKS_INVALID} when no keys can be had
     */
    public VerificationKeys currentKeys() {
        return keys.get();
    }

    public URI jwksUri() {
        return jwksUri;
    }

    /** How many times the key set was fetched (for tests and diagnostics). */
    public long fetchCount() {
        return fetches.get();
    }

    private HTTPResponse fetch(URI jwksUri, ProviderHttpClient http) {
        fetches.incrementAndGet();
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, jwksUri);
        request.setAccept("application/json, application/jwk-set+json");
        HTTPResponse response = http.send(request, ErrorCode.JWKS_UNREACHABLE);
        if (response.getStatusCode() != 200) {
            throw new LoginFailedException(ErrorCode.JWKS_UNREACHABLE,
                    "key set at " + jwksUri + " answered HTTP " + response.getStatusCode());
        }
        return response;
    }

    private static VerificationKeys parse(URI jwksUri, String body) {
        JWKSet set;
        try {
            set = JWKSet.parse(body);
        } catch (ParseException e) {
            throw new LoginFailedException(ErrorCode.JWKS_INVALID,
                    "key set at " + jwksUri + " is not a valid JWK set: " + e.getMessage());
        }
        if (set.getKeys().size() > MAX_KEYS) {
            throw new LoginFailedException(ErrorCode.JWKS_INVALID,
                    "key set at " + jwksUri + " has " + set.getKeys().size() + " keys, more than " + MAX_KEYS);
        }
        return VerificationKeys.from(set, jwksUri.toString());
    }
}
