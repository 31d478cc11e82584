package io.lanyard.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.atlassian.bitbucket.permission.Permission;
import com.atlassian.bitbucket.user.EscalatedSecurityContext;
import com.atlassian.bitbucket.user.SecurityService;
import com.atlassian.bitbucket.user.UserAdminService;
import com.atlassian.bitbucket.util.Operation;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.GroupWrites;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** Bitbucket's group writes: through UserAdminService, each in a context with the ADMIN permission. */
class BitbucketGroupWritesTest {

    private final GroupWrites crowd = mock(GroupWrites.class);
    private final GroupWrites.UserGroups crowdAlice = mock(GroupWrites.UserGroups.class);
    private final UserAdminService userAdminService = mock(UserAdminService.class);
    private final SecurityService securityService = mock(SecurityService.class);
    private final EscalatedSecurityContext escalated = mock(EscalatedSecurityContext.class);
    private final BitbucketGroupWrites groups = new BitbucketGroupWrites(crowd, userAdminService, securityService);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void escalationRunsTheOperation() throws Throwable {
        when(crowd.of("alice")).thenReturn(crowdAlice);
        when(securityService.withPermission(Permission.ADMIN, BitbucketGroupWrites.REASON)).thenReturn(escalated);
        when(escalated.call(any())).thenAnswer(call -> ((Operation<Object, RuntimeException>) call.getArgument(0))
                .perform());
    }

    @Test
    void readsComeFromCrowdWritesFromUserAdminServiceWithTheAdminPermission() throws Throwable {
        when(crowdAlice.direct()).thenReturn(Set.of("stash-users"));
        when(crowdAlice.exists("developers")).thenReturn(true);
        GroupWrites.UserGroups alice = groups.of("alice");

        assertThat(alice.direct()).containsExactly("stash-users");
        assertThat(alice.exists("developers")).isTrue();
        verifyNoInteractions(userAdminService);

        alice.create("developers");
        alice.add("developers");
        alice.remove("old-team");

        InOrder order = inOrder(securityService, userAdminService);
        order.verify(securityService).withPermission(Permission.ADMIN, BitbucketGroupWrites.REASON);
        order.verify(userAdminService).createGroup("developers");
        order.verify(securityService).withPermission(Permission.ADMIN, BitbucketGroupWrites.REASON);
        order.verify(userAdminService).addUserToGroups("alice", Set.of("developers"));
        order.verify(securityService).withPermission(Permission.ADMIN, BitbucketGroupWrites.REASON);
        order.verify(userAdminService).removeUserFromGroup("old-team", "alice");
    }

    @Test
    void aRefusalIsTheOperationsCodeAndAMissingApiLny617() {
        doThrow(new IllegalStateException("ForbiddenException")).when(userAdminService)
                .addUserToGroups("alice", Set.of("g"));
        doThrow(new NoSuchMethodError("createGroup")).when(userAdminService).createGroup("h");

        assertThatThrownBy(() -> groups.of("alice").add("g")).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.HOST_MEMBERSHIP_CHANGE_FAILED);
        assertThatThrownBy(() -> groups.of("alice").create("h")).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.HOST_WRITES_UNAVAILABLE);
        verify(crowd, org.mockito.Mockito.times(2)).of("alice");
    }

    /** Gemini Blueprint's proxy of the optional reference when Bitbucket does not publish the service. */
    static final class ServiceUnavailableException extends RuntimeException {
    }

    @Test
    void aBitbucketThatDoesNotPublishUserAdminServiceIsLny617() {
        doThrow(new ServiceUnavailableException()).when(userAdminService).removeUserFromGroup("g", "alice");

        assertThatThrownBy(() -> groups.of("alice").remove("g")).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.HOST_WRITES_UNAVAILABLE);
    }
}
