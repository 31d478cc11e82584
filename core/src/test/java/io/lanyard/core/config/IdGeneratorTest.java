package io.lanyard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    private static final int COUNT = 10_000;

    @Test
    void newIdentityProviderIdHasTwentyLettersAndDigits() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(IdGenerator.newIdentityProviderId()).matches("[A-Za-z0-9]{20}");
        }
    }

    @Test
    void newIdentityProviderIdIsAcceptedByTheBuilder() {
        // The builder's id rule is the one that matters; a generated id must always pass it.
        IdentityProviderConfig config = IdentityProviderConfig.builder()
                .id(IdGenerator.newIdentityProviderId())
                .displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme")
                .clientId("lanyard")
                .build();
        assertThat(config.id()).hasSize(20);
    }

    @Test
    void newIdentityProviderIdUsesUpperCaseLowerCaseAndDigits() {
        String all = String.join("", generate(IdGenerator::newIdentityProviderId, 200));
        assertThat(all).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]");
    }

    @Test
    void newConnectorIdHasTwelveLowerCaseLettersAndDigits() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(IdGenerator.newConnectorId()).matches("[a-z0-9]{12}");
        }
    }

    @Test
    void newIdentityProviderIdIsUniqueOverTenThousandIds() {
        assertThat(generate(IdGenerator::newIdentityProviderId, COUNT)).hasSize(COUNT);
    }

    @Test
    void newConnectorIdIsUniqueOverTenThousandIds() {
        assertThat(generate(IdGenerator::newConnectorId, COUNT)).hasSize(COUNT);
    }

    private static Set<String> generate(Supplier<String> generator, int count) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ids.add(generator.get());
        }
        return ids;
    }
}
