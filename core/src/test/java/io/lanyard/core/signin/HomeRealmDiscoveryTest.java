package io.lanyard.core.signin;

import static io.lanyard.core.signin.Providers.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HomeRealmDiscoveryTest {

    private final IdentityProviderConfig corporate = provider("corporate1", b -> {
        b.signIn().emailDomains(List.of("example.com", "*.example.com"));
        return b;
    });
    private final IdentityProviderConfig europe = provider("europe1", b -> {
        b.signIn().emailDomains(List.of("*.eu.example.com"));
        return b;
    });
    private final IdentityProviderConfig contractors = provider("contractors1", b -> {
        b.signIn().emailDomains(List.of("Contractors.Example.ORG"));
        return b;
    });
    private final List<IdentityProviderConfig> enabled = List.of(corporate, europe, contractors);

    private String route(String email) {
        return HomeRealmDiscovery.route(email, enabled, Optional.empty()).provider().id();
    }

    private static void assertRefused(Runnable call, ErrorCode expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LoginFailedException.class,
                e -> assertThat(e.errorCode()).isEqualTo(expected));
    }

    @Test
    void anExactDomainRoutesToItsProviderWhateverTheCase() {
        assertThat(route("bob@contractors.example.org")).isEqualTo("contractors1");
        assertThat(route("  Bob@CONTRACTORS.example.org ")).isEqualTo("contractors1");
        assertThat(route("alice@example.com")).isEqualTo("corporate1");
    }

    @Test
    void aWildcardTakesSubDomainsButNotTheDomainItself() {
        assertThat(route("alice@sales.example.com")).isEqualTo("corporate1");
        assertRefused(() -> HomeRealmDiscovery.route("x@eu.example.com", List.of(europe), Optional.empty()),
                ErrorCode.EMAIL_DOMAIN_UNKNOWN);
    }

    @Test
    void theMostSpecificWildcardWins() {
        assertThat(route("pierre@paris.eu.example.com")).isEqualTo("europe1");
    }

    @Test
    void aLookalikeDomainIsNotASubDomain() {
        assertRefused(() -> route("mallory@evilexample.com"), ErrorCode.EMAIL_DOMAIN_UNKNOWN);
        assertRefused(() -> route("mallory@example.com.evil.net"), ErrorCode.EMAIL_DOMAIN_UNKNOWN);
    }

    @Test
    void anUnknownDomainGoesToTheDefaultProviderWhenOneIsSetAndEnabled() {
        assertThat(HomeRealmDiscovery.route("x@other.net", enabled, Optional.of("contractors1")).provider().id())
                .isEqualTo("contractors1");
        assertRefused(() -> HomeRealmDiscovery.route("x@other.net", enabled, Optional.of("gone1")),
                ErrorCode.EMAIL_DOMAIN_UNKNOWN);
    }

    @Test
    void theRouteCarriesTheAddressAndItsDomainAsHints() {
        HomeRealmDiscovery.Route route = HomeRealmDiscovery.route("Alice@Sales.Example.com", enabled, Optional.empty());

        assertThat(route.loginHint()).isEqualTo("Alice@Sales.Example.com");
        assertThat(route.domainHint()).isEqualTo("sales.example.com");
    }

    @Test
    void whatIsNotAnEmailAddressIsRefusedWithItsCode() {
        for (String typed : new String[] {"", "alice", "alice@", "@example.com", "a@b@example.com", "a@exa mple.com",
                "a@-bad.example.com", null}) {
            assertRefused(() -> route(typed), ErrorCode.EMAIL_INVALID);
        }
    }

    @Test
    void theFieldIsOfferedOnlyWhenSomeProviderTakesADomain() {
        assertThat(HomeRealmDiscovery.isOffered(enabled)).isTrue();
        assertThat(HomeRealmDiscovery.isOffered(List.of(provider("plain1", b -> b)))).isFalse();
    }
}
