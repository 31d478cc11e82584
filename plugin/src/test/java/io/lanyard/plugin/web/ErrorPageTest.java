package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.LoginPage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

class ErrorPageTest {

    private static final Pattern REFERENCE = Pattern.compile("<dd class=\"reference\">([A-Z2-7]{10})</dd>");

    private final LanyardText text = LanyardText.english();
    private final ErrorPage errorPage = new ErrorPage(LoginPage.CONFLUENCE, text, new ErrorPageRenderer(text));
    private final FakeHttp.Request request = new FakeHttp.Request("GET", "/wiki", "/plugins/servlet/lanyard/callback/idp1");
    private final FakeHttp.Response response = new FakeHttp.Response();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ErrorPage.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    /** Issue 19: a flood of the same failure is one log line a minute, however many people see the page. */
    @Test
    void aFloodOfTheSameFailureIsOneLogLineNotOnePerRequest() throws Exception {
        for (int i = 0; i < 50; i++) {
            errorPage.show(request.mock, new FakeHttp.Response().mock,
                    new LoginFailedException(ErrorCode.DISCOVERY_UNREACHABLE, "connect timed out"), "idp1");
        }
        errorPage.show(request.mock, response.mock, new LoginFailedException(ErrorCode.USER_NOT_FOUND, "no"), "idp1");

        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("LNY-200")).hasSize(1);
        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("LNY-502")).hasSize(1);
    }

    /** Issue 19: a provider that cannot be reached gets the outage page, with where administrators act. */
    @Test
    void aProviderThatCannotBeReachedGetsTheOutagePageAndAnotherFailureDoesNot() throws Exception {
        errorPage.show(request.mock, response.mock,
                new LoginFailedException(ErrorCode.DISCOVERY_UNREACHABLE, "connect timed out"), "idp1");

        assertThat(response.body()).contains("id=\"outage\"").contains("LNY-200")
                .contains("id=\"outage-admin\" href=\"/wiki/plugins/servlet/lanyard/admin/health\"")
                .doesNotContain("connect timed out");

        FakeHttp.Response other = new FakeHttp.Response();
        errorPage.show(request.mock, other.mock, new LoginFailedException(ErrorCode.USER_NOT_FOUND, "no"), "idp1");
        assertThat(other.body()).doesNotContain("id=\"outage\"").doesNotContain("outage-admin");
    }

    @Test
    void escapesHostileProviderErrorCode() throws Exception {
        String hostile = "<img src=x onerror='alert(1)'>";
        errorPage.show(request.mock, response.mock,
                new LoginFailedException(ErrorCode.IDP_ERROR_RESPONSE, "provider said no", hostile), "idp1");

        assertThat(response.body())
                .contains("&lt;img src=x onerror=&#39;alert(1)&#39;&gt;")
                .doesNotContain("<img");
    }

    @Test
    void showsCodeTitleAdviceAndLinksButNotTheLogMessage() throws Exception {
        errorPage.show(request.mock, response.mock,
                new LoginFailedException(ErrorCode.USER_NOT_FOUND, "no user 'mallory' in directory"), "idp1");

        assertThat(response.body())
                .contains("LNY-502")
                .contains(Html.escape(text.title(ErrorCode.USER_NOT_FOUND)))
                .contains(Html.escape(text.advice(ErrorCode.USER_NOT_FOUND)))
                .contains("href=\"/wiki/login.action\"")
                .contains("href=\"/wiki/login.action?lanyard_native=1\"")
                .doesNotContain("mallory")
                .doesNotContain("provider-error");
    }

    @Test
    void forbidsCachingAndSendsHtml() throws Exception {
        errorPage.show(request.mock, response.mock, new LanyardException(ErrorCode.CONFIG_INVALID, "bad"), null);

        verify(response.mock).setHeader("Cache-Control", "no-store");
        verify(response.mock).setContentType("text/html;charset=UTF-8");
        verify(response.mock).setStatus(500);
    }

    @ParameterizedTest
    @CsvSource({"IDP_UNKNOWN,404", "STATE_UNKNOWN,400", "USER_INACTIVE,403", "DISCOVERY_UNREACHABLE,503",
            "CLIENT_AUTHENTICATION_FAILED,502", "ID_TOKEN_EXPIRED,502", "CLIENT_SECRET_MISSING,500", "HOST_LOGIN_FAILED,500"})
    void choosesStatusByWhoseFaultItIs(ErrorCode code, int status) throws Exception {
        errorPage.show(request.mock, response.mock, new LanyardException(code, "x"), "idp1");

        verify(response.mock).setStatus(status);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void answersEveryCodeWithTheStatusTheCodeNames(ErrorCode code) throws Exception {
        errorPage.show(request.mock, response.mock, new LanyardException(code, "x"), "idp1");

        verify(response.mock).setStatus(code.httpStatus());
        assertThat(response.body()).contains(code.code());
    }

    @Test
    void logsOneWarningWithCodeCorrelationIdAndProviderThatMatchesThePage() throws Exception {
        errorPage.show(request.mock, response.mock,
                new LoginFailedException(ErrorCode.STATE_UNKNOWN, "no pending login\nFAKE LOG LINE"), "idp1");

        Matcher reference = REFERENCE.matcher(response.body());
        assertThat(reference.find()).as("page shows a 10-character base32 reference").isTrue();
        assertThat(log.list).hasSize(1);
        ILoggingEvent event = log.list.get(0);
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getFormattedMessage())
                .contains("LNY-401")
                .contains("correlationId=" + reference.group(1))
                .contains("idp=idp1")
                .contains("no pending login")
                .doesNotContain("\n");
    }

    @Test
    void doesNotLogAMalformedProviderIdVerbatim() throws Exception {
        errorPage.show(request.mock, response.mock, new LanyardException(ErrorCode.IDP_UNKNOWN, "unknown"),
                "x\r\nINFO forged");

        assertThat(log.list.get(0).getFormattedMessage()).contains("idp=(malformed)").doesNotContain("forged");
    }

    @Test
    void stripsUnicodeLineBreaksFromTheLoggedMessage() throws Exception {
        // NEL (U+0085) and the line and paragraph separators break lines in log viewers as CR and LF do
        errorPage.show(request.mock, response.mock, new LoginFailedException(ErrorCode.RESPONSE_ISSUER_MISMATCH,
                "iss \"a\u0085WARN forged\u2028ERROR forged\u2029x\u001b[31m\""), "idp1");

        assertThat(log.list.get(0).getFormattedMessage()).doesNotContainPattern("[\\u0085\\u2028\\u2029\\u001b\\r\\n]")
                .contains("a WARN forged ERROR forged x [31m");
    }

    @Test
    void givesEachFailureItsOwnCorrelationId() throws Exception {
        FakeHttp.Response second = new FakeHttp.Response();
        errorPage.show(request.mock, response.mock, new LanyardException(ErrorCode.STATE_UNKNOWN, "x"), "idp1");
        errorPage.show(request.mock, second.mock, new LanyardException(ErrorCode.STATE_UNKNOWN, "x"), "idp1");

        Matcher first = REFERENCE.matcher(response.body());
        Matcher other = REFERENCE.matcher(second.body());
        assertThat(first.find() && other.find()).isTrue();
        assertThat(first.group(1)).isNotEqualTo(other.group(1));
    }
}
