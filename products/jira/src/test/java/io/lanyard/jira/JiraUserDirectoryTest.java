package io.lanyard.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.jira.bc.user.search.UserSearchService;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import io.lanyard.core.host.HostUser;
import java.util.List;
import org.junit.jupiter.api.Test;

class JiraUserDirectoryTest {

    private final UserManager userManager = mock(UserManager.class);
    private final UserSearchService search = mock(UserSearchService.class);
    private final JiraUserDirectory directory = new JiraUserDirectory(userManager, search);

    private static ApplicationUser user(String name, String email, boolean active) {
        ApplicationUser user = mock(ApplicationUser.class);
        when(user.getUsername()).thenReturn(name);
        when(user.getDisplayName()).thenReturn(name.toUpperCase());
        when(user.getEmailAddress()).thenReturn(email);
        when(user.isActive()).thenReturn(active);
        return user;
    }

    @Test
    void findsAUserByUsername() {
        ApplicationUser alice = user("alice", "alice@example.com", false);
        when(userManager.getUserByName("alice")).thenReturn(alice);

        assertThat(directory.findByUsername("alice")).contains(new HostUser("alice", "ALICE", "alice@example.com", false));
        assertThat(directory.findByUsername("nobody")).isEmpty();
    }

    @Test
    void findsUsersWhoseAddressReallyIsTheEmail() {
        ApplicationUser alice = user("alice", "Alice@Example.com", true);
        ApplicationUser alias = user("alias", "someone-else@example.com", true);
        when(search.findUsersByEmail("alice@example.com")).thenReturn(List.of(alice, alias));

        assertThat(directory.findByEmail("alice@example.com")).extracting(HostUser::username).containsExactly("alice");
    }

    @Test
    void anUnavailableSearchFindsNobodyByEmail() {
        when(search.findUsersByEmail("alice@example.com")).thenThrow(new IllegalStateException("service unavailable"));

        assertThat(directory.findByEmail("alice@example.com")).isEmpty();
    }
}
