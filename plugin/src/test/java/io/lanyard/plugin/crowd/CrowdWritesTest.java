package io.lanyard.plugin.crowd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.crowd.embedded.api.CrowdDirectoryService;
import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.Directory;
import com.atlassian.crowd.embedded.api.DirectoryType;
import com.atlassian.crowd.embedded.api.OperationType;
import com.atlassian.crowd.embedded.api.PasswordCredential;
import com.atlassian.crowd.embedded.api.User;
import com.atlassian.crowd.exception.GroupNotFoundException;
import com.atlassian.crowd.exception.MembershipAlreadyExistsException;
import com.atlassian.crowd.exception.OperationFailedException;
import com.atlassian.crowd.manager.directory.DirectoryManager;
import com.atlassian.crowd.manager.directory.DirectoryPermissionException;
import com.atlassian.crowd.model.group.GroupTemplate;
import com.atlassian.crowd.model.user.UserTemplate;
import com.atlassian.crowd.model.user.UserTemplateWithAttributes;
import com.atlassian.crowd.model.user.UserWithAttributes;
import com.atlassian.crowd.search.EntityDescriptor;
import com.atlassian.crowd.search.query.membership.MembershipQuery;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.AccountChanges;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.NewAccount;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.MockedStatic;

/** The shared Crowd adapters against Mockito stand-ins of our declarations of Crowd's DirectoryManager (evidence 2.1). */
class CrowdWritesTest {

    private static final HostProduct JIRA = HostProduct.of("jira", "10.3.0");
    private static final long INTERNAL = 1L;
    private static final long LDAP = 10000L;

    private final DirectoryManager manager = mock(DirectoryManager.class);
    private final CrowdDirectoryService directories = mock(CrowdDirectoryService.class);
    private final CrowdService crowd = mock(CrowdService.class);
    private final CrowdAccountWrites accounts = new CrowdAccountWrites(JIRA, manager, directories, crowd);
    private final CrowdGroupWrites groups = new CrowdGroupWrites(JIRA, manager, directories, crowd);

    private static Directory directory(long id, String name, DirectoryType type, boolean active,
            OperationType... operations) {
        Directory directory = mock(Directory.class);
        when(directory.getId()).thenReturn(id);
        when(directory.getName()).thenReturn(name);
        when(directory.getType()).thenReturn(type);
        when(directory.isActive()).thenReturn(active);
        when(directory.getAllowedOperations()).thenReturn(Set.of(operations));
        return directory;
    }

    private void directories() {
        List<Directory> all = List.of(
                directory(LDAP, "Corporate LDAP", DirectoryType.DELEGATING, true, OperationType.CREATE_USER),
                directory(2L, "Old internal", DirectoryType.INTERNAL, false, OperationType.CREATE_USER),
                directory(3L, "Read-only", DirectoryType.CONNECTOR, true),
                directory(INTERNAL, "Jira Internal Directory", DirectoryType.INTERNAL, true, OperationType.CREATE_USER,
                        OperationType.CREATE_GROUP));
        when(directories.findAllDirectories()).thenReturn(all);
    }

    private void userIn(String name, long directory) {
        User user = mock(User.class);
        when(user.getDirectoryId()).thenReturn(directory);
        when(crowd.getUser(name)).thenReturn(user);
    }

    private static void assertFails(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(code);
    }

    @Test
    void theWritableDirectoriesAreTheActiveOnesThatCreateUsersInternalFirst() {
        directories();

        assertThat(accounts.writableDirectories()).extracting(d -> d.id() + " " + d.name())
                .containsExactly("1 Jira Internal Directory", "10000 Corporate LDAP");
    }

    @Test
    void anAccountIsCreatedInTheChosenDirectoryWithAPasswordNobodyKnows() throws Exception {
        directories();
        UserWithAttributes created = mock(UserWithAttributes.class);
        when(created.getName()).thenReturn("dave");
        when(created.getDisplayName()).thenReturn("Dave Davis");
        when(created.getEmailAddress()).thenReturn("dave@example.com");
        when(created.isActive()).thenReturn(true);
        when(manager.addUser(anyLong(), any(), any())).thenReturn(created);

        HostUser user = accounts.create(new NewAccount(Optional.of("corporate ldap"), "dave", "Dave Davis",
                "dave@example.com"));
        HostUser byDefault = accounts.create(new NewAccount(Optional.empty(), "dave", "Dave Davis", "d@x"));

        assertThat(user).isEqualTo(new HostUser("dave", "Dave Davis", "dave@example.com", true));
        ArgumentCaptor<UserTemplateWithAttributes> template = ArgumentCaptor.forClass(UserTemplateWithAttributes.class);
        ArgumentCaptor<PasswordCredential> password = ArgumentCaptor.forClass(PasswordCredential.class);
        verify(manager).addUser(eq(LDAP), template.capture(), password.capture());
        verify(manager).addUser(eq(INTERNAL), any(), any());
        assertThat(template.getValue().getName()).isEqualTo("dave");
        assertThat(template.getValue().getDirectoryId()).isEqualTo(LDAP);
        assertThat(template.getValue().getFirstName()).isEqualTo("Dave");
        assertThat(template.getValue().getLastName()).isEqualTo("Davis");
        assertThat(password.getValue().isEncryptedCredential()).isFalse();
        assertThat(password.getValue().getCredential()).hasSizeGreaterThan(40);
        assertThat(byDefault).isNotNull();
    }

    @Test
    void aDirectoryThatIsNotWritableIsLny610AndACrowdRefusalLny611() throws Exception {
        directories();
        assertFails(() -> accounts.create(new NewAccount(Optional.of("Read-only"), "dave", "D", "d@x")),
                ErrorCode.HOST_DIRECTORY_UNAVAILABLE);
        when(manager.addUser(anyLong(), any(), any())).thenThrow(new DirectoryPermissionException("read-only"));
        assertFails(() -> accounts.create(new NewAccount(Optional.empty(), "dave", "D", "d@x")),
                ErrorCode.HOST_ACCOUNT_CREATE_FAILED);
    }

    @Test
    void anUpdateChangesOnlyWhatIsGivenInTheUsersOwnDirectory() throws Exception {
        userIn("carol", LDAP);
        UserTemplate stored = new UserTemplate("carol", LDAP);
        stored.setDisplayName("Carol");
        stored.setEmailAddress("carol@example.com");
        stored.setActive(false);
        when(manager.findUserByName(LDAP, "carol")).thenReturn(stored);
        when(manager.updateUser(eq(LDAP), any())).thenAnswer(call -> call.getArgument(1));

        HostUser carol = accounts.update("carol", new AccountChanges(Optional.empty(), Optional.empty(),
                Optional.of(true)));

        assertThat(carol).isEqualTo(new HostUser("carol", "Carol", "carol@example.com", true));
    }

    @Test
    void attributesAreReadAndStoredInTheUsersDirectory() throws Exception {
        userIn("alice", INTERNAL);
        UserWithAttributes withAttributes = mock(UserWithAttributes.class);
        when(withAttributes.getValues("lanyard.identity")).thenReturn(null, Set.of("a:b"));
        when(manager.findUserWithAttributesByName(INTERNAL, "alice")).thenReturn(withAttributes);

        assertThat(accounts.attribute("alice", "lanyard.identity")).isEmpty();
        assertThat(accounts.attribute("alice", "lanyard.identity")).containsExactly("a:b");
        accounts.setAttribute("alice", "lanyard.identity", Set.of("a:b", "c:d"));

        verify(manager).storeUserAttributes(INTERNAL, "alice", Map.of("lanyard.identity", Set.of("a:b", "c:d")));
    }

    @Test
    void membershipsAreReadAndWrittenInTheUsersDirectory() throws Exception {
        userIn("alice", INTERNAL);
        EntityDescriptor user = mock(EntityDescriptor.class);
        EntityDescriptor group = mock(EntityDescriptor.class);
        try (MockedStatic<EntityDescriptor> descriptors = mockStatic(EntityDescriptor.class)) {
            descriptors.when(EntityDescriptor::user).thenReturn(user);
            descriptors.when(EntityDescriptor::group).thenReturn(group);
            when(manager.searchDirectGroupRelationships(eq(INTERNAL), any())).thenReturn(List.of("jira-users"));

            assertThat(groups.of("alice").direct()).containsExactly("jira-users");

            @SuppressWarnings("unchecked")
            ArgumentCaptor<MembershipQuery<String>> query = ArgumentCaptor.forClass(MembershipQuery.class);
            verify(manager).searchDirectGroupRelationships(eq(INTERNAL), query.capture());
            assertThat(query.getValue().isFindChildren()).isFalse();
            assertThat(query.getValue().getEntityNameToMatch()).isEqualTo("alice");
            assertThat(query.getValue().getEntityToMatch()).isSameAs(user);
            assertThat(query.getValue().getEntityToReturn()).isSameAs(group);
            assertThat(query.getValue().getMaxResults()).isEqualTo(-1);
        }
    }

    @Test
    void groupsAreFoundCreatedJoinedAndLeftAndAnExistingMembershipIsWhatWasWanted() throws Exception {
        userIn("alice", INTERNAL);
        when(manager.findGroupByName(INTERNAL, "missing")).thenThrow(new GroupNotFoundException("missing"));
        doThrow(new MembershipAlreadyExistsException("already")).when(manager)
                .addUserToGroup(INTERNAL, "alice", "jira-users");
        var alice = groups.of("alice");

        assertThat(alice.exists("missing")).isFalse();
        alice.create("new-group");
        alice.add("jira-users");
        alice.remove("old-group");

        ArgumentCaptor<GroupTemplate> created = ArgumentCaptor.forClass(GroupTemplate.class);
        verify(manager).addGroup(eq(INTERNAL), created.capture());
        assertThat(created.getValue().getName()).isEqualTo("new-group");
        assertThat(created.getValue().getDirectoryId()).isEqualTo(INTERNAL);
        verify(manager).removeUserFromGroup(INTERNAL, "alice", "old-group");
    }

    @Test
    void aFailedMembershipChangeIsLny616AnUnknownUserLny614() throws Exception {
        userIn("alice", INTERNAL);
        doThrow(new OperationFailedException("database down")).when(manager)
                .removeUserFromGroup(INTERNAL, "alice", "g");

        assertFails(() -> groups.of("alice").remove("g"), ErrorCode.HOST_MEMBERSHIP_CHANGE_FAILED);
        assertFails(() -> groups.of("nobody"), ErrorCode.HOST_GROUPS_UNREADABLE);
    }

    @Test
    void aDirectoryManagerThatDoesNotLinkIsLny617() throws Exception {
        userIn("alice", INTERNAL);
        when(manager.findGroupByName(INTERNAL, "g")).thenThrow(new NoSuchMethodError("findGroupByName"));

        assertFails(() -> groups.of("alice").exists("g"), ErrorCode.HOST_WRITES_UNAVAILABLE);
    }

    /** Gemini Blueprint's proxy of an optional reference whose service is not published ({@code timeout="0"}). */
    static final class ServiceUnavailableException extends RuntimeException {
        ServiceUnavailableException() {
            super("service matching filter=[(objectClass=com.atlassian.crowd.manager.directory.DirectoryManager)] "
                    + "unavailable");
        }
    }

    @Test
    void aProductThatDoesNotPublishTheDirectoryManagerIsLny617ButAnyOtherRuntimeFailureIsTheOperationsCode()
            throws Exception {
        userIn("alice", INTERNAL);
        when(manager.findGroupByName(INTERNAL, "g")).thenThrow(new ServiceUnavailableException());
        doThrow(new IllegalStateException("database down")).when(manager).addUserToGroup(INTERNAL, "alice", "g");

        assertFails(() -> groups.of("alice").exists("g"), ErrorCode.HOST_WRITES_UNAVAILABLE);
        assertFails(() -> groups.of("alice").add("g"), ErrorCode.HOST_MEMBERSHIP_CHANGE_FAILED);
    }
}
