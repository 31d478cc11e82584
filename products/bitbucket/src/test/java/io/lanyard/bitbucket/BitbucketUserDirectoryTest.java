package io.lanyard.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.bitbucket.user.ApplicationUser;
import com.atlassian.bitbucket.user.UserService;
import io.lanyard.core.host.HostUser;
import org.junit.jupiter.api.Test;

class BitbucketUserDirectoryTest {

    private final UserService userService = mock(UserService.class);
    private final BitbucketUserDirectory directory = new BitbucketUserDirectory(userService);

    private static ApplicationUser user(String name, String email) {
        ApplicationUser user = mock(ApplicationUser.class);
        when(user.getName()).thenReturn(name);
        when(user.getDisplayName()).thenReturn(name);
        when(user.getEmailAddress()).thenReturn(email);
        when(user.isActive()).thenReturn(true);
        return user;
    }

    @Test
    void findsAUserByName() {
        ApplicationUser alice = user("alice", "alice@example.com");
        when(userService.getUserByName("alice")).thenReturn(alice);

        assertThat(directory.findByUsername("alice")).contains(new HostUser("alice", "alice", "alice@example.com", true));
    }

    @Test
    void findsAUserByEmailOnlyWhenTheAddressMatches() {
        ApplicationUser alice = user("alice", "alice@example.com");
        ApplicationUser namedLikeAnAddress = user("bob@example.com", "bob.real@example.com");
        when(userService.findUserByNameOrEmail("alice@example.com")).thenReturn(alice);
        when(userService.findUserByNameOrEmail("bob@example.com")).thenReturn(namedLikeAnAddress);

        assertThat(directory.findByEmail("alice@example.com")).extracting(HostUser::username).containsExactly("alice");
        assertThat(directory.findByEmail("bob@example.com")).isEmpty();
    }

    @Test
    void aBitbucketWithoutTheLookupFindsNobodyByEmail() {
        when(userService.findUserByNameOrEmail("alice@example.com")).thenThrow(new NoSuchMethodError("findUserByNameOrEmail"));

        assertThat(directory.findByEmail("alice@example.com")).isEmpty();
    }
}
