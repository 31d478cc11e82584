package io.lanyard.core.token;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Coverage-guided fuzzing (Jazzer) of the introspection answer (RFC 7662): parsing and the checks of an answer. Any
 * text gives a verified token or a {@link LanyardException} with a code, never another exception.
 */
class IntrospectionAnswerFuzzTest {

    private static final TokenIssuerConfig ISSUER = TokenIssuerConfig.builder().id("fuzzissuer01").displayName("Fuzz")
            .issuer("https://issuer.example.com").tokenCheck(TokenIssuerConfig.TokenCheck.INTROSPECTION)
            .introspectionEndpoint("https://issuer.example.com/introspect").clientId("lanyard")
            .opaqueTokenPaths(List.of("/rest/")).audience("api")
            .clientMappings(List.of(new ClientMapping("c", "a", false, List.of(), Optional.empty()))).build();
    private static final IntrospectionClient CLIENT = new IntrospectionClient(new ProviderHttpClient(HttpLimits.DEFAULT),
            Clock.systemUTC());

    @FuzzTest(maxDuration = "20s")
    void introspectionAnswer(FuzzedDataProvider data) {
        String body = data.consumeRemainingAsString();
        try {
            CLIENT.check(IntrospectionClient.parse(body, "fuzzed answer"), ISSUER);
        } catch (LanyardException refused) {
            // the expected way to say no (TokenRejectedException is one)
        }
    }
}
