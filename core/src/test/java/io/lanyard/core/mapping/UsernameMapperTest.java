package io.lanyard.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.UserLookup;
import io.lanyard.core.config.UsernameMapping;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.testing.InMemoryUsers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsernameMapperTest {

    private static UsernameMapper mapper(String claim, List<String> fallbacks, String pattern, boolean lowerCase,
            UserLookup lookup) {
        return new UsernameMapper(new UsernameMapping(claim, fallbacks, Optional.ofNullable(pattern), lowerCase, lookup));
    }

    private static void assertFails(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOf(LoginFailedException.class)
                .extracting(e -> ((LoginFailedException) e).errorCode()).isEqualTo(code);
    }

    @Test
    void usernameWhenClaimPresentThenUsesIt() {
        assertThat(mapper("preferred_username", List.of(), null, false, UserLookup.USERNAME)
                .username(Map.of("preferred_username", "alice"))).isEqualTo("alice");
    }

    @Test
    void usernameWhenFirstClaimBlankThenFallsBackInOrder() {
        UsernameMapper mapper = mapper("preferred_username", List.of("upn", "email"), null, false, UserLookup.USERNAME);

        assertThat(mapper.username(Map.of("preferred_username", " ", "email", "a@x", "upn", "alice@corp"))).isEqualTo("alice@corp");
    }

    @Test
    void usernameWhenNoClaimPresentThenClaimMissing() {
        assertFails(() -> mapper("preferred_username", List.of("email"), null, false, UserLookup.USERNAME)
                .username(Map.of("sub", "123")), ErrorCode.USERNAME_CLAIM_MISSING);
    }

    @Test
    void usernameWhenClaimIsNotTextThenIgnored() {
        assertFails(() -> mapper("preferred_username", List.of(), null, false, UserLookup.USERNAME)
                .username(Map.of("preferred_username", List.of("alice"))), ErrorCode.USERNAME_CLAIM_MISSING);
    }

    @Test
    void usernameWhenPatternHasGroupThenGroupOneIsTheUsername() {
        assertThat(mapper("email", List.of(), "([^@]+)@example\\.com", false, UserLookup.USERNAME)
                .username(Map.of("email", "alice@example.com"))).isEqualTo("alice");
    }

    @Test
    void usernameWhenPatternDoesNotMatchWholeValueThenRefused() {
        assertFails(() -> mapper("email", List.of(), "([^@]+)@example\\.com", false, UserLookup.USERNAME)
                .username(Map.of("email", "alice@example.com.evil.org")), ErrorCode.USERNAME_TRANSFORM_NO_MATCH);
    }

    @Test
    void usernameWhenLowerCaseConfiguredThenLowerCased() {
        assertThat(mapper("preferred_username", List.of(), null, true, UserLookup.USERNAME)
                .username(Map.of("preferred_username", "Alice.ANDERSON"))).isEqualTo("alice.anderson");
    }

    @Test
    void resolveWhenUsernameExistsThenThatUser() {
        HostUser user = new UserResolver(InMemoryUsers.standard())
                .resolve(Map.of("preferred_username", "bob"), mapper("preferred_username", List.of(), null, false, UserLookup.USERNAME));

        assertThat(user.username()).isEqualTo("bob");
    }

    @Test
    void resolveWhenEmailLookupNotConfiguredThenEmailIsNotUsed() {
        assertFails(() -> new UserResolver(InMemoryUsers.standard()).resolve(
                Map.of("preferred_username", "alice.a", "email", "alice@example.com"),
                mapper("preferred_username", List.of(), null, false, UserLookup.USERNAME)), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void resolveWhenEmailNotVerifiedThenNotUsedForLookup() {
        assertFails(() -> new UserResolver(InMemoryUsers.standard()).resolve(
                Map.of("preferred_username", "alice.a", "email", "alice@example.com", "email_verified", false),
                mapper("preferred_username", List.of(), null, false, UserLookup.USERNAME_THEN_EMAIL)), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void resolveWhenEmailVerifiedIsTheStringTrueThenUsedForLookup() {
        // Amazon Cognito sends the claim as a string
        assertThat(new UserResolver(InMemoryUsers.standard()).resolve(Map.of("preferred_username", "alice.a", "email",
                "alice@example.com", "email_verified", "true"), mapper("preferred_username", List.of(), null, false,
                        UserLookup.USERNAME_THEN_EMAIL)).username()).isEqualTo("alice");
    }

    @Test
    void resolveWhenEmailVerifiedAbsentThenNotUsedForLookupUnlessTrustedAndNeverWhenFalse() {
        Map<String, Object> silent = Map.of("preferred_username", "alice.a", "email", "alice@example.com");
        UsernameMapping strict = new UsernameMapping("preferred_username", List.of(), Optional.empty(), false,
                UserLookup.USERNAME_THEN_EMAIL);
        UsernameMapping trusting = new UsernameMapping("preferred_username", List.of(), Optional.empty(), false,
                UserLookup.USERNAME_THEN_EMAIL, true);
        UserResolver resolver = new UserResolver(InMemoryUsers.standard());

        assertFails(() -> resolver.resolve(silent, new UsernameMapper(strict)), ErrorCode.USER_NOT_FOUND);
        assertThat(resolver.resolve(silent, new UsernameMapper(trusting)).username()).isEqualTo("alice");
        assertFails(() -> resolver.resolve(Map.of("preferred_username", "alice.a", "email", "alice@example.com",
                "email_verified", "false"), new UsernameMapper(trusting)), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void resolveWhenEmailSharedBySeveralUsersThenAmbiguous() {
        InMemoryUsers users = InMemoryUsers.standard().with(new HostUser("alice2", "Alice Two", "ALICE@example.com", true));

        assertFails(() -> new UserResolver(users).resolve(Map.of("preferred_username", "x", "email", "alice@example.com",
                "email_verified", true), mapper("preferred_username", List.of(), null, false,
                        UserLookup.USERNAME_THEN_EMAIL)), ErrorCode.USER_AMBIGUOUS);
    }

    @Test
    void resolveWhenUserInactiveThenRefused() {
        assertFails(() -> new UserResolver(InMemoryUsers.standard()).resolve(Map.of("preferred_username", "carol"),
                mapper("preferred_username", List.of(), null, false, UserLookup.USERNAME)), ErrorCode.USER_INACTIVE);
    }
}
