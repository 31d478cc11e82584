package io.lanyard.core.discovery;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.http.Urls;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a discovery document into {@link ProviderMetadata}, refusing what Lanyard must not use. */
final class ProviderMetadataParser {

    private ProviderMetadataParser() {
    }

    static ProviderMetadata parse(String json, String expectedIssuer, URI discoveryUrl) {
        OIDCProviderMetadata metadata = parseDocument(json, discoveryUrl);
        // OIDC Discovery 1.0 §4.3: the issuer in the document MUST be identical to the issuer used to
        // retrieve it; compared as plain strings, no normalisation (a trailing slash matters).
        String announced = metadata.getIssuer().getValue();
        if (!announced.equals(expectedIssuer)) {
            throw new LoginFailedException(ErrorCode.DISCOVERY_ISSUER_MISMATCH, "metadata at " + discoveryUrl
                    + " announces issuer \"" + announced + "\" but the configured issuer is \"" + expectedIssuer + "\"");
        }
        return toMetadata(metadata, discoveryUrl);
    }

    /**
     * Without comparing the issuer: for the admin UI's "Fetch", which shows the administrator the issuer a
     * document announces before one is configured. Logins always go through {@link #parse}.
     */
    static ProviderMetadata parseAnnounced(String json, URI discoveryUrl) {
        return toMetadata(parseDocument(json, discoveryUrl), discoveryUrl);
    }

    private static OIDCProviderMetadata parseDocument(String json, URI discoveryUrl) {
        try {
            return OIDCProviderMetadata.parse(json);
        } catch (ParseException e) {
            throw invalid(discoveryUrl, "is not a valid OpenID Provider metadata document: " + e.getMessage());
        }
    }

    private static ProviderMetadata toMetadata(OIDCProviderMetadata metadata, URI discoveryUrl) {
        String announced = metadata.getIssuer().getValue();
        return new ProviderMetadata(
                announced,
                requireEndpoint(metadata.getAuthorizationEndpointURI(), "authorization_endpoint", discoveryUrl),
                requireEndpoint(metadata.getTokenEndpointURI(), "token_endpoint", discoveryUrl),
                requireEndpoint(metadata.getJWKSetURI(), "jwks_uri", discoveryUrl),
                optionalEndpoint(metadata.getUserInfoEndpointURI(), "userinfo_endpoint", discoveryUrl),
                optionalEndpoint(metadata.getEndSessionEndpointURI(), "end_session_endpoint", discoveryUrl),
                metadata.supportsAuthorizationResponseIssuerParam(),
                authMethods(metadata.getTokenEndpointAuthMethods()),
                algorithms(metadata.getIDTokenJWSAlgs()));
    }

    private static URI requireEndpoint(URI endpoint, String name, URI discoveryUrl) {
        if (endpoint == null) {
            throw invalid(discoveryUrl, "has no " + name);
        }
        return checkedEndpoint(endpoint, name, discoveryUrl);
    }

    private static Optional<URI> optionalEndpoint(URI endpoint, String name, URI discoveryUrl) {
        return endpoint == null ? Optional.empty() : Optional.of(checkedEndpoint(endpoint, name, discoveryUrl));
    }

    /** Endpoints must use https; plain http only on loopback (a provider on the same machine). */
    private static URI checkedEndpoint(URI endpoint, String name, URI discoveryUrl) {
        if (!Urls.isHttpsOrLoopbackHttp(endpoint)) {
            throw invalid(discoveryUrl, "announces a " + name + " that is not an https URL: " + endpoint);
        }
        return endpoint;
    }

    private static Set<String> authMethods(List<ClientAuthenticationMethod> methods) {
        return methods == null ? Set.of()
                : methods.stream().map(ClientAuthenticationMethod::getValue).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> algorithms(List<JWSAlgorithm> algorithms) {
        return algorithms == null ? Set.of()
                : algorithms.stream().map(JWSAlgorithm::getName).collect(Collectors.toUnmodifiableSet());
    }

    private static LoginFailedException invalid(URI discoveryUrl, String what) {
        return new LoginFailedException(ErrorCode.DISCOVERY_INVALID, "metadata at " + discoveryUrl + " " + what);
    }
}
