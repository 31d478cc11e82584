package io.lanyard.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.User;
import com.atlassian.user.search.SearchResult;
import com.atlassian.user.search.page.Pager;
import io.lanyard.core.host.HostUser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfluenceUserDirectoryTest {

    private final CrowdService crowd = mock(CrowdService.class);
    private final UserAccessor userAccessor = mock(UserAccessor.class);
    private final ConfluenceUserDirectory directory = new ConfluenceUserDirectory(crowd, userAccessor);

    private User crowdUser(String name, String email) {
        User user = mock(User.class);
        when(user.getName()).thenReturn(name);
        when(user.getDisplayName()).thenReturn(name + " Display");
        when(user.getEmailAddress()).thenReturn(email);
        when(user.isActive()).thenReturn(true);
        when(crowd.getUser(name)).thenReturn(user);
        return user;
    }

    @Test
    void findsAUserByUsernameThroughCrowd() {
        crowdUser("alice", "alice@example.com");

        assertThat(directory.findByUsername("alice"))
                .contains(new HostUser("alice", "alice Display", "alice@example.com", true));
        assertThat(directory.findByUsername("nobody")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void findsUsersByEmailThroughTheUserAccessor() {
        crowdUser("alice", "alice@example.com");
        crowdUser("other", "other@example.com");
        com.atlassian.user.User aliceEntity = mock(com.atlassian.user.User.class);
        when(aliceEntity.getName()).thenReturn("alice");
        com.atlassian.user.User otherEntity = mock(com.atlassian.user.User.class);
        when(otherEntity.getName()).thenReturn("other");
        SearchResult<com.atlassian.user.User> result = mock(SearchResult.class);
        Pager<com.atlassian.user.User> pager = mock(Pager.class);
        when(pager.iterator()).thenReturn(List.of(aliceEntity, otherEntity).iterator());
        when(result.pager()).thenReturn(pager);
        when(userAccessor.getUsersByEmail("ALICE@example.com")).thenReturn(result);

        assertThat(directory.findByEmail("ALICE@example.com")).extracting(HostUser::username).containsExactly("alice");
    }

    @Test
    void aMissingSearchFindsNobodyByEmail() {
        when(userAccessor.getUsersByEmail("alice@example.com")).thenThrow(new NoSuchMethodError("getUsersByEmail"));

        assertThat(directory.findByEmail("alice@example.com")).isEmpty();
    }
}
