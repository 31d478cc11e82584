package io.lanyard.core.discovery;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.lanyard.core.cache.RefreshingValue;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.http.ProviderHttpClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * A provider's metadata, fetched from its discovery URL on first use, checked, and kept (see
 * {@link RefreshingValue} for refresh and failure behaviour: a login start never waits longer than one bounded fetch,
 * and not at all while a copy is held).
 */
public final class ProviderMetadataSource {

    public static final Duration TIME_TO_LIVE = Duration.ofHours(1);
    public static final Duration MIN_FETCH_INTERVAL = Duration.ofSeconds(5);

    private final RefreshingValue<ProviderMetadata> metadata;

    public ProviderMetadataSource(String expectedIssuer, URI discoveryUrl, ProviderHttpClient http, Clock clock) {
        this(expectedIssuer, discoveryUrl, http, clock, ProviderDocuments.inMemory(clock));
    }

    /**
     * @param documents where the document is kept besides memory (the shared home), and used from when the provider
     *                  cannot be reached
     */
    public ProviderMetadataSource(String expectedIssuer, URI discoveryUrl, ProviderHttpClient http, Clock clock,
            ProviderDocuments documents) {
        this.metadata = new RefreshingValue<>("metadata of " + expectedIssuer,
                () -> documents.fetch(discoveryUrl, () -> ProviderDocuments.Fetched.of(answer(discoveryUrl, http)),
                        document -> ProviderMetadataParser.parse(document, expectedIssuer, discoveryUrl)),
                clock, TIME_TO_LIVE, MIN_FETCH_INTERVAL, http.limits().responseTimeout(),
                ErrorCode.DISCOVERY_UNREACHABLE);
    }

    /**
     * @throws LoginFailedException {@code DISCOVERY_UNREACHABLE}, {@code DISCOVERY_INVALID},
     *         {@code DISCOVERY_ISSUER_MISMATCH} or {@code HTTP_RESPONSE_TOO_LARGE}, when no good copy is held
     */
    public ProviderMetadata get() {
        return metadata.get();
    }

    /**
     * Fetches a discovery document once, uncached, and returns what it announces without comparing the issuer:
     * what the admin UI's "Fetch" shows before an issuer is configured.
     *
     * @throws LoginFailedException {@code DISCOVERY_UNREACHABLE}, {@code DISCOVERY_INVALID} or
     *         {@code HTTP_RESPONSE_TOO_LARGE}
     */
    public static ProviderMetadata fetchAnnounced(URI discoveryUrl, ProviderHttpClient http) {
        return ProviderMetadataParser.parseAnnounced(fetchDocument(discoveryUrl, http), discoveryUrl);
    }

    private static String fetchDocument(URI discoveryUrl, ProviderHttpClient http) {
        return answer(discoveryUrl, http).getBody();
    }

    private static HTTPResponse answer(URI discoveryUrl, ProviderHttpClient http) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, discoveryUrl);
        request.setAccept("application/json");
        HTTPResponse response = http.send(request, ErrorCode.DISCOVERY_UNREACHABLE);
        if (response.getStatusCode() != 200) {
            throw new LoginFailedException(ErrorCode.DISCOVERY_UNREACHABLE,
                    "metadata at " + discoveryUrl + " answered HTTP " + response.getStatusCode());
        }
        return response;
    }
}
