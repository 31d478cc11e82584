package io.lanyard.jira;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.atlassian.jira.security.websudo.InternalWebSudoManager;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class JiraWebSudoTest {

    private final InternalWebSudoManager manager = mock(InternalWebSudoManager.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);

    @Test
    void startsTheProductsOwnWebSudoSession() {
        new JiraWebSudo(manager).start(request, response);

        verify(manager).startSession(request, response);
    }

    @Test
    void aMissingServiceOrACallThatDoesNotLinkIsReauthenticationUnavailable() {
        doThrow(new NoSuchMethodError("startSession")).when(manager).startSession(request, response);

        assertThatThrownBy(() -> new JiraWebSudo(manager).start(request, response))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.errorCode())
                                .isEqualTo(ErrorCode.REAUTHENTICATION_UNAVAILABLE));
    }
}
