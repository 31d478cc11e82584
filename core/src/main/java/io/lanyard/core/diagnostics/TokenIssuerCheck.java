package io.lanyard.core.diagnostics;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.lanyard.core.bearer.BearerAuthenticator;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.diagnostics.TokenIssuerCheckReport.Step;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LogText;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.keys.JwksSource;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.token.AccessTokenValidator;
import io.lanyard.core.token.IntrospectionClient;
import io.lanyard.core.token.VerifiedAccessToken;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The admin UI's "Test" of a token issuer, as the seed describes it: Lanyard fetches a token from the issuer's token
 * endpoint by client credentials (as Lanyard's client) and runs it through the whole check a request's token gets,
 * showing each step; nothing is cached and no account is created.
 */
public final class TokenIssuerCheck extends IntegrationCheck<TokenIssuerConfig, TokenIssuerCheckReport> {

    private final Clock clock;

    public TokenIssuerCheck(ProviderHttpClient http, ClientSecretResolver secrets, Clock clock) {
        super(http, secrets);
        this.clock = clock;
    }

    @Override
    public TokenIssuerCheckReport test(TokenIssuerConfig issuer) {
        List<Step> steps = new ArrayList<>();
        try {
            Secret secret = clientSecret(issuer).secret().orElseThrow(() -> new LanyardException(
                    ErrorCode.CLIENT_SECRET_MISSING, "no client secret for " + issuer.clientId()));
            String token = fetchToken(issuer, secret);
            steps.add(new Step("token", true, issuer.tokenEndpoint().map(URI::toString).orElse("")));
            boolean local = AccessTokenValidator.unverifiedIssuer(token).isPresent() && issuer.tokenCheck().local();
            VerifiedAccessToken verified = local
                    ? new AccessTokenValidator(clock).validate(token, issuer,
                            new JwksSource(issuer.jwksUri().orElseThrow(), http, clock))
                    : new IntrospectionClient(http, clock).introspect(token, issuer, secret);
            steps.add(new Step("check", true, local ? "jwt" : "introspection"));
            Optional<ClientMapping> mapping = issuer.mappingFor(verified.clientId());
            if (mapping.isEmpty()) {
                throw new LanyardException(ErrorCode.BEARER_CLIENT_NOT_ALLOWED,
                        "client " + verified.clientId() + " is not on this issuer's list of clients");
            }
            steps.add(new Step("client", true, verified.clientId() + " → " + mapping.get().account()));
            if (!BearerAuthenticator.hasRequiredScopes(issuer, verified.scopes())) {
                throw new LanyardException(ErrorCode.BEARER_INSUFFICIENT_SCOPE, "the token's scopes "
                        + verified.scopes() + " lack " + (issuer.allScopesRequired() ? "all" : "any") + " of "
                        + issuer.requiredScopes());
            }
            steps.add(new Step("scopes", true, String.join(" ", verified.scopes())));
            return new TokenIssuerCheckReport(steps, Optional.empty());
        } catch (LanyardException e) {
            steps.add(new Step(nextStep(steps), false, e.errorCode().code()));
            return new TokenIssuerCheckReport(steps, Optional.of(CheckFailure.of(e)));
        }
    }

    private static String nextStep(List<Step> done) {
        return List.of("token", "check", "client", "scopes").get(Math.min(done.size(), 3));
    }

    /** RFC 6749 §4.4 with client_secret_basic, asking for the required scopes. */
    private String fetchToken(TokenIssuerConfig issuer, Secret secret) {
        URI endpoint = issuer.tokenEndpoint().orElseThrow(() -> new LanyardException(ErrorCode.CONFIG_INVALID,
                "\"Test\" needs the issuer's token endpoint"));
        TokenRequest request = new TokenRequest(endpoint, new ClientSecretBasic(new ClientID(issuer.clientId()),
                new com.nimbusds.oauth2.sdk.auth.Secret(secret.reveal())), new ClientCredentialsGrant(),
                issuer.requiredScopes().isEmpty() ? null : new Scope(issuer.requiredScopes().toArray(new String[0])));
        HTTPResponse response = http.send(request.toHTTPRequest(), ErrorCode.TOKEN_ENDPOINT_UNREACHABLE);
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (ParseException e) {
            throw new LanyardException(ErrorCode.TOKEN_RESPONSE_INVALID, "POST " + endpoint + " answered HTTP "
                    + response.getStatusCode() + " with something that is not a token response");
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            throw new LanyardException(ErrorCode.TOKEN_REQUEST_REJECTED, "POST " + endpoint + " answered HTTP "
                    + response.getStatusCode() + " error=" + LogText.quoted(error == null ? null : error.getCode()));
        }
        AccessToken token = parsed.toSuccessResponse().getTokens().getAccessToken();
        if (token == null) {
            throw new LanyardException(ErrorCode.TOKEN_RESPONSE_INVALID, "POST " + endpoint + " sent no access token");
        }
        return token.getValue();
    }
}
