package io.lanyard.bamboo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.SearchRestriction;
import com.atlassian.crowd.embedded.api.User;
import com.atlassian.crowd.search.EntityDescriptor;
import com.atlassian.crowd.search.builder.QueryBuilder;
import com.atlassian.crowd.search.builder.Restriction;
import com.atlassian.crowd.search.query.entity.EntityQuery;
import com.atlassian.crowd.search.query.entity.restriction.PropertyRestriction;
import io.lanyard.core.host.HostUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

class BambooUserDirectoryTest {

    private final CrowdService crowd = mock(CrowdService.class);
    private final BambooUserDirectory directory = new BambooUserDirectory(crowd);

    private static User user(String name, String email) {
        User user = mock(User.class);
        when(user.getName()).thenReturn(name);
        when(user.getDisplayName()).thenReturn(name);
        when(user.getEmailAddress()).thenReturn(email);
        when(user.isActive()).thenReturn(true);
        return user;
    }

    @Test
    void findsAUserByUsernameThroughCrowd() {
        User alice = user("alice", "alice@example.com");
        when(crowd.getUser("alice")).thenReturn(alice);

        assertThat(directory.findByUsername("alice")).map(HostUser::email).contains("alice@example.com");
        assertThat(directory.findByUsername("nobody")).isEmpty();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void findsUsersByEmailWithACrowdQuery() {
        User alice = user("alice", "alice@example.com");
        User other = user("other", "other@example.com");
        EntityQuery<User> query = mock(EntityQuery.class);
        Restriction.RestrictionWithProperty<String> onEmail = mock(Restriction.RestrictionWithProperty.class);
        PropertyRestriction<String> exactly = mock(PropertyRestriction.class);
        when(onEmail.exactlyMatching("alice@example.com")).thenReturn(exactly);
        try (MockedStatic<Restriction> restriction = mockStatic(Restriction.class);
                MockedStatic<EntityDescriptor> entity = mockStatic(EntityDescriptor.class);
                MockedStatic<QueryBuilder> builder = mockStatic(QueryBuilder.class)) {
            entity.when(EntityDescriptor::user).thenReturn(null);
            restriction.when(() -> Restriction.on(any())).thenReturn((Restriction.RestrictionWithProperty) onEmail);
            builder.when(() -> QueryBuilder.queryFor(eq(User.class), any(), eq((SearchRestriction) exactly), eq(0), anyInt()))
                    .thenReturn(query);
            when(crowd.search(query)).thenReturn(List.of(alice, other));

            assertThat(directory.findByEmail("alice@example.com")).extracting(HostUser::username).containsExactly("alice");
        }
    }

    @Test
    void aBambooWithoutTheQueryApiFindsNobodyByEmail() {
        // Our declarations throw, as a host whose Crowd differs would fail: the e-mail lookup is off, nothing breaks.
        assertThat(directory.findByEmail("alice@example.com")).isEmpty();
    }
}
