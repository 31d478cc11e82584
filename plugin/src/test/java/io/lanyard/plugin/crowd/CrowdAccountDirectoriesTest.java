package io.lanyard.plugin.crowd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.crowd.embedded.api.CrowdDirectoryService;
import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.Directory;
import com.atlassian.crowd.embedded.api.User;
import org.junit.jupiter.api.Test;

class CrowdAccountDirectoriesTest {

    private final CrowdService crowd = mock(CrowdService.class);
    private final CrowdDirectoryService directories = mock(CrowdDirectoryService.class);

    @Test
    void namesTheDirectoryThatHoldsTheAccountAsTheProductResolvesIt() {
        User alice = mock(User.class);
        when(alice.getDirectoryId()).thenReturn(10001L);
        when(crowd.getUser("alice")).thenReturn(alice);
        Directory ldap = mock(Directory.class);
        when(ldap.getName()).thenReturn("Corporate LDAP");
        when(directories.findDirectoryById(10001L)).thenReturn(ldap);

        assertThat(new CrowdAccountDirectories(crowd, directories).directoryOf("alice")).contains("Corporate LDAP");
    }

    @Test
    void anUnknownAccountAFailingCrowdOrNoDirectoryServiceIsUnknown() {
        assertThat(new CrowdAccountDirectories(crowd, directories).directoryOf("ghost")).isEmpty();
        when(crowd.getUser("bob")).thenThrow(new IllegalStateException("service unavailable"));
        assertThat(new CrowdAccountDirectories(crowd, directories).directoryOf("bob")).isEmpty();
        assertThat(new CrowdAccountDirectories(crowd, null).directoryOf("alice")).isEmpty();
    }
}
