package io.lanyard.plugin.sal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import org.junit.jupiter.api.Test;

class SalGroupMembershipTest {

    private final UserManager users = mock(UserManager.class);
    private final SalGroupMembership membership = new SalGroupMembership(users);

    private void known(String username, String key) {
        UserProfile profile = mock(UserProfile.class);
        when(profile.getUserKey()).thenReturn(new UserKey(key));
        when(users.getUserProfile(username)).thenReturn(profile);
    }

    @Test
    void asksSalByTheAccountsKey() {
        known("admin", "k1");
        known("alice", "k2");
        when(users.isSystemAdmin(new UserKey("k1"))).thenReturn(true);
        when(users.isUserInGroup(new UserKey("k2"), "break-glass")).thenReturn(true);

        assertThat(membership.isSystemAdministrator("admin")).isTrue();
        assertThat(membership.isSystemAdministrator("alice")).isFalse();
        assertThat(membership.isMember("alice", "break-glass")).isTrue();
        assertThat(membership.isMember("alice", "other")).isFalse();
        assertThat(membership.isMember("admin", "break-glass")).isFalse();
    }

    @Test
    void anAccountSalDoesNotKnowIsNeither() {
        assertThat(membership.isSystemAdministrator("ghost")).isFalse();
        assertThat(membership.isMember("ghost", "break-glass")).isFalse();
    }
}
