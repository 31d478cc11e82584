package io.lanyard.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.config.GroupSyncSettings.DefaultGroupsFor;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.UserLookup;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.testing.InMemoryHost;
import io.lanyard.core.testing.LogCapture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each account rule of a provider's provisioning settings, one test per rule, each refusal with its code. */
class AccountProvisioningTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private final InMemoryHost host = InMemoryHost.standard();
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private final AccountProvisioning provisioning = new AccountProvisioning(host, host, host, Optional.empty(),
            audited::add, CLOCK);

    private static void assertRefused(ThrowingCallable login, ErrorCode code) {
        assertThatThrownBy(login).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(code);
    }

    @Test
    void withTheDefaultsAnExistingAccountLogsInAndNothingIsWrittenOrEvenReadOfItsGroups() {
        Identities identities = Identities.of(settings -> settings);

        HostUser user = provisioning.accountFor(identities.of("alice", Map.of("groups", List.of("admins"),
                "name", "Someone Else")));

        assertThat(user.username()).isEqualTo("alice");
        assertThat(host.writesAndGroupReads()).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void withoutJustInTimeCreationAnUnknownPersonIsLny502AndNothingIsCreated() {
        assertRefused(() -> provisioning.accountFor(Identities.of(s -> s).of("dave",
                Map.of("email", "dave@example.com"))), ErrorCode.USER_NOT_FOUND);
        assertThat(host.user("dave")).isEmpty();
        assertThat(host.writes).isEmpty();
    }

    @Test
    void justInTimeCreationMakesTheAccountInTheDefaultDirectoryFromTheNameAndEmailClaims() {
        Identities identities = Identities.of(s -> s.createUsers(true));

        HostUser dave = provisioning.accountFor(identities.of("dave", Map.of("name", "Dave Davis",
                "email", "dave@example.com")));

        assertThat(dave).isEqualTo(new HostUser("dave", "Dave Davis", "dave@example.com", true));
        assertThat(host.user("dave")).contains(dave);
        assertThat(host.writes).containsExactly("create dave");
        assertThat(audited).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.ACCOUNT_CREATED);
            assertThat(event.user()).contains("dave");
            assertThat(event.integrationId()).contains(Identities.PROVIDER);
            assertThat(event.details()).containsEntry("rule", "just-in-time creation");
        });
    }

    @Test
    void theDisplayNameFallsBackToGivenAndFamilyNameThenToTheUsername() {
        Identities identities = Identities.of(s -> s.createUsers(true));

        provisioning.accountFor(identities.of("dave", Map.of("given_name", "Dave", "family_name", "Davis",
                "email", "dave@example.com")));
        provisioning.accountFor(identities.of("erin", Map.of("given_name", "Erin", "email", "erin@example.com")));

        assertThat(host.user("dave").orElseThrow().displayName()).isEqualTo("Dave Davis");
        assertThat(host.user("erin").orElseThrow().displayName()).isEqualTo("erin");
    }

    @Test
    void configuredClaimsAreTriedInOrder() {
        Identities identities = Identities.of(s -> s.createUsers(true).displayNameClaims(List.of("cn"))
                .emailClaims(List.of("mail", "upn")));

        provisioning.accountFor(identities.of("dave", Map.of("cn", "D. Davis", "email", "ignored@example.com",
                "upn", "dave@corp.example.com")));

        assertThat(host.user("dave").orElseThrow()).isEqualTo(
                new HostUser("dave", "D. Davis", "dave@corp.example.com", true));
    }

    @Test
    void justInTimeCreationWithoutAnEmailAddressIsLny510AndNothingIsCreated() {
        Identities identities = Identities.of(s -> s.createUsers(true));

        assertRefused(() -> provisioning.accountFor(identities.of("dave", Map.of("name", "Dave"))),
                ErrorCode.ACCOUNT_EMAIL_MISSING);
        assertRefused(() -> provisioning.accountFor(identities.of("dave", Map.of("email", "not an address"))),
                ErrorCode.ACCOUNT_EMAIL_MISSING);
        assertThat(host.writes).isEmpty();
    }

    @Test
    void justInTimeCreationGoesToTheChosenDirectoryAndOneTheHostCannotWriteIsLny610() {
        Identities chosen = Identities.of(s -> s.createUsers(true).userDirectory(InMemoryHost.DIRECTORY));
        Identities missing = Identities.of(s -> s.createUsers(true).userDirectory("Corporate LDAP"));

        provisioning.accountFor(chosen.of("dave", Map.of("email", "dave@example.com")));
        assertRefused(() -> provisioning.accountFor(missing.of("erin", Map.of("email", "erin@example.com"))),
                ErrorCode.HOST_DIRECTORY_UNAVAILABLE);

        assertThat(host.user("dave")).isPresent();
        assertThat(host.user("erin")).isEmpty();
    }

    @Test
    void aDeactivatedAccountIsLny504UnlessReactivationIsOn() {
        assertRefused(() -> provisioning.accountFor(Identities.of(s -> s.updateUsers(true)).of("carol", Map.of())),
                ErrorCode.USER_INACTIVE);
        assertThat(host.writes).isEmpty();

        HostUser carol = provisioning.accountFor(Identities.of(s -> s.reactivateUsers(true)).of("carol", Map.of()));

        assertThat(carol.active()).isTrue();
        assertThat(host.user("carol").orElseThrow().active()).isTrue();
        assertThat(audited).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.ACCOUNT_UPDATED);
            assertThat(event.details()).containsEntry("fields", "active")
                    .containsEntry("rule", "reactivate deactivated accounts");
        });
    }

    @Test
    void withUpdatesOnDisplayNameAndEmailFollowTheProviderWhenTheyChanged() {
        Identities identities = Identities.of(s -> s.updateUsers(true));

        provisioning.accountFor(identities.of("alice", Map.of("name", "Alice Anderson",
                "email", "ALICE@example.com")));
        assertThat(host.writes).as("same name, same address in another case: nothing to write").isEmpty();

        HostUser alice = provisioning.accountFor(identities.of("alice", Map.of("name", "Alice Smith",
                "email", "alice.smith@example.com")));

        assertThat(alice).isEqualTo(new HostUser("alice", "Alice Smith", "alice.smith@example.com", true));
        assertThat(host.writes).containsExactly("update alice displayName,email");
    }

    @Test
    void withUpdatesOffTheAccountKeepsItsOwnNameAndAddress() {
        provisioning.accountFor(Identities.of(s -> s.createUsers(true)).of("alice", Map.of("name", "Alice Smith",
                "email", "alice.smith@example.com")));

        assertThat(host.user("alice").orElseThrow().displayName()).isEqualTo("Alice Anderson");
        assertThat(host.writes).isEmpty();
    }

    @Test
    void anUpdateTheHostRefusesIsLoggedWithItsCodeAndTheLoginGoesOn() {
        host.failWhen(write -> write.startsWith("update"));
        try (LogCapture log = LogCapture.start()) {
            HostUser alice = provisioning.accountFor(Identities.of(s -> s.updateUsers(true)).of("alice",
                    Map.of("name", "Alice Smith")));

            assertThat(alice.displayName()).isEqualTo("Alice Anderson");
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN LNY-612"));
        }
    }

    @Test
    void anEmailAddressTheProviderVerifiedSelectsTheOneActiveAccountThatHasIt() {
        Identities identities = Identities.of(UserLookup.USERNAME_THEN_EMAIL, s -> s);

        HostUser user = provisioning.accountFor(identities.of("a.anderson", Map.of("email", "alice@example.com",
                "email_verified", true)));

        assertThat(user.username()).isEqualTo("alice");
    }

    @Test
    void aDeactivatedAccountWithTheSameAddressNeitherBlocksNorTakesTheLogin() {
        host.with(new HostUser("alice-old", "Alice (old)", "alice@example.com", false));
        Identities identities = Identities.of(UserLookup.USERNAME_THEN_EMAIL, s -> s);

        HostUser user = provisioning.accountFor(identities.of("a.anderson", Map.of("email", "alice@example.com",
                "email_verified", true)));

        assertThat(user.username()).isEqualTo("alice");
    }

    @Test
    void twoActiveAccountsWithTheAddressIsLny503AndNeitherIsPicked() {
        host.with(new HostUser("alice2", "Alice Two", "ALICE@example.com", true));
        Identities identities = Identities.of(UserLookup.USERNAME_THEN_EMAIL, s -> s.createUsers(true));

        assertRefused(() -> provisioning.accountFor(identities.of("a.anderson", Map.of("email", "alice@example.com",
                "email_verified", true))), ErrorCode.USER_AMBIGUOUS);
        assertThat(host.writes).as("not created either").isEmpty();
    }

    @Test
    void anAddressTheProviderSaysItDidNotVerifySelectsNoAccount() {
        Identities identities = Identities.of(UserLookup.USERNAME_THEN_EMAIL, s -> s);

        assertRefused(() -> provisioning.accountFor(identities.of("a.anderson", Map.of("email", "alice@example.com",
                "email_verified", false))), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void withPinningTheFirstLoginRemembersIssuerAndSubjectAndTheSameSubjectLogsInAgain() {
        Identities identities = Identities.of(s -> s.pinSubject(true));

        provisioning.accountFor(identities.withSubject("alice", "f47ac10b", Map.of()));
        provisioning.accountFor(identities.withSubject("alice", "f47ac10b", Map.of()));

        assertThat(host.attributeOf("alice", AccountWrites.IDENTITY_ATTRIBUTE)).singleElement()
                .satisfies(value -> assertThat(value).endsWith(":f47ac10b"));
        assertThat(host.writes).containsExactly("set attribute alice " + AccountWrites.IDENTITY_ATTRIBUTE);
    }

    @Test
    void withPinningAnotherSubjectForTheSameUsernameIsLny511AndTheAccountIsNotTouched() {
        Identities identities = Identities.of(s -> s.pinSubject(true).reactivateUsers(true).updateUsers(true)
                .syncGroups(true).groupMappings(List.of(new GroupMapping("admins", "jira-administrators"))));
        provisioning.accountFor(identities.withSubject("carol", "carol-original", Map.of()));
        host.writes.clear();
        host.failWhen(write -> false);

        assertRefused(() -> provisioning.accountFor(identities.withSubject("carol", "attacker", Map.of(
                "name", "Mallory", "groups", List.of("admins")))), ErrorCode.ACCOUNT_BOUND_TO_ANOTHER_IDENTITY);

        assertThat(host.writes).isEmpty();
        assertThat(host.groupsOf("carol")).doesNotContain("jira-administrators");
    }

    @Test
    void aSubjectOfAnotherIssuerIsBoundBesideTheFirst() {
        Identities identities = Identities.of(s -> s.pinSubject(true));
        provisioning.accountFor(identities.withSubject("alice", "one", Map.of()));

        LoginIdentity otherIssuer = identities.withSubject("alice", "two", Map.of());
        provisioning.accountFor(new LoginIdentity(otherIssuer.provider(), "https://other.example.com", "two",
                otherIssuer.claims(), otherIssuer.usernames(), otherIssuer.groupRules()));

        assertThat(host.attributeOf("alice", AccountWrites.IDENTITY_ATTRIBUTE)).hasSize(2);
    }

    @Test
    void aLongSubjectIsKeptAsItsDigestWithinWhatCrowdKeeps() {
        Identities identities = Identities.of(s -> s.pinSubject(true));
        String longSubject = "x".repeat(255);

        provisioning.accountFor(identities.withSubject("alice", longSubject, Map.of()));

        assertThat(host.attributeOf("alice", AccountWrites.IDENTITY_ATTRIBUTE)).singleElement()
                .satisfies(value -> assertThat(value).hasSizeLessThan(100).contains(":sha256:"));
        assertRefused(() -> provisioning.accountFor(identities.withSubject("alice", "y".repeat(255), Map.of())),
                ErrorCode.ACCOUNT_BOUND_TO_ANOTHER_IDENTITY);
    }

    @Test
    void withPinningAHostThatCannotKeepTheAttributeIsLny613() {
        host.failWhen(write -> write.startsWith("read attribute"));

        assertRefused(() -> provisioning.accountFor(Identities.of(s -> s.pinSubject(true)).of("alice", Map.of())),
                ErrorCode.HOST_USER_ATTRIBUTE_FAILED);
    }

    @Test
    void aHostWithoutWritesRefusesJustInTimeCreationWithLny617() {
        AccountProvisioning readOnly = AccountProvisioning.readOnly(host, CLOCK);

        assertRefused(() -> readOnly.accountFor(Identities.of(s -> s.createUsers(true)).of("dave",
                Map.of("email", "dave@example.com"))), ErrorCode.HOST_WRITES_UNAVAILABLE);
    }

    @Test
    void eachLoginEndsWithOneSummaryLine() {
        Identities identities = Identities.of(s -> s.createUsers(true).defaultGroups(List.of("jira-users")));
        try (LogCapture log = LogCapture.start()) {
            provisioning.accountFor(identities.of("dave", Map.of("email", "dave@example.com")));

            assertThat(log.lines()).filteredOn(line -> line.contains("Login of dave through identity provider"))
                    .singleElement().satisfies(line -> assertThat(line).contains("account created",
                            "1 added, 0 removed, 0 created, 0 skipped, 0 unchanged"));
        }
    }

    @Test
    void defaultGroupsForNewUsersAreAddedAtCreationOnly() {
        Identities identities = Identities.of(s -> s.createUsers(true).defaultGroups(List.of("jira-users"))
                .defaultGroupsFor(DefaultGroupsFor.NEW_USERS));

        provisioning.accountFor(identities.of("dave", Map.of("email", "dave@example.com")));
        host.of("dave").remove("jira-users");
        provisioning.accountFor(identities.of("dave", Map.of("email", "dave@example.com")));

        assertThat(host.groupsOf("dave")).isEmpty();
    }
}
