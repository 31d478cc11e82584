package io.lanyard.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.secret.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The token values as they appear in logs: identifying parts only, never a token, a code, a nonce or a secret. */
class TokenValuesRedactionTest {

    @Test
    void aTokenResultShowsNothingOfItsTokens() {
        assertThat(new TokenResult("id.token.value", Optional.of("access-token-value"))).hasToString("TokenResult[redacted]");
    }

    @Test
    void aCodeExchangeShowsTheEndpointAndClientButNotTheSecretCodeOrVerifier() {
        TokenClient.CodeExchange exchange = new TokenClient.CodeExchange(URI.create("https://idp.example.com/token"),
                "lanyard", new ClientCredential.SharedSecret(Secret.of("secret-value"), ClientAuthMethod.CLIENT_SECRET_BASIC),
                "code-value", URI.create("https://host.example.com/cb"), "verifier-value");

        assertThat(exchange).hasToString("CodeExchange[https://idp.example.com/token, clientId=lanyard]");
        assertThat(exchange.credential().toString()).doesNotContain("secret-value")
                .contains(Secret.of("secret-value").fingerprint());
    }

    @Test
    void expectationsShowIssuerAndClientButNotTheNonceOrSecret() {
        IdTokenExpectations expected = new IdTokenExpectations("https://idp.example.com", "lanyard", Set.of(), "nonce-value",
                Set.of("RS256"), Duration.ofSeconds(60), Optional.empty(), List.of(), Optional.of(Secret.of("secret-value")));

        assertThat(expected).hasToString("IdTokenExpectations[issuer=https://idp.example.com, clientId=lanyard]");
    }

    @Test
    void aValidatedIdTokenShowsIssuerAndSubjectButNotTheToken() {
        ValidatedIdToken token = new ValidatedIdToken(new JWTClaimsSet.Builder().issuer("https://idp.example.com")
                .subject("sub-1").claim("nonce", "nonce-value").build(), "header.payload.signature");

        assertThat(token).hasToString("ValidatedIdToken[iss=https://idp.example.com, sub=sub-1]");
    }
}
