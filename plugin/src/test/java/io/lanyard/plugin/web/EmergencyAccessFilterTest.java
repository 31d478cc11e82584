package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.config.EmergencyAccess;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.GroupMembership;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.signin.EmergencyAccessFile;
import io.lanyard.core.signin.EmergencyAccessPolicy;
import io.lanyard.plugin.session.AdminAccess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Emergency access at the product's own form: the product checks the password, then Lanyard decides whether the
 * account may stay logged in while single sign-on is enforced.
 */
class EmergencyAccessFilterTest {

    @TempDir
    Path home;

    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final List<AuditEvent> audited = new ArrayList<>();
    private final FakeHttp.Response response = new FakeHttp.Response();
    private final GroupMembership groups = new GroupMembership() {
        @Override
        public boolean isSystemAdministrator(String username) {
            return "admin".equals(username);
        }

        @Override
        public boolean isMember(String username, String group) {
            return "carol".equals(username) && "break-glass".equals(group);
        }
    };
    private SettingsService settings;
    private EmergencyAccessFilter filter;

    /** The product's form: a right password logs the account in (a session attribute) and redirects. */
    private static final class ProductForm implements AdminAccess {
        @Override
        public Optional<String> currentUsername(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            return session == null ? Optional.empty()
                    : Optional.ofNullable((String) session.getAttribute("user"));
        }

        @Override
        public boolean isSystemAdministrator(HttpServletRequest request) {
            return false;
        }

        @Override
        public boolean passWebSudo(HttpServletRequest request, HttpServletResponse response) {
            return true;
        }
    }

    @BeforeEach
    void wire() {
        settings = new SettingsService(Optional.of(home));
        settings.change(s -> s.toBuilder().ssoEnforced(true).build());
        filter = EmergencyAccessFilter.create(LoginPage.SANDBOX, settings,
                new EmergencyAccessPolicy(new EmergencyAccessFile(Optional.of(home)), groups, clock), new ProductForm(),
                audited::add, clock);
    }

    /** What the product's form does when {@code username} types the right password. */
    private static FilterChain productLogsIn(String username) throws Exception {
        FilterChain chain = mock(FilterChain.class);
        doAnswer(call -> {
            HttpServletRequest request = call.getArgument(0);
            request.getSession(true).setAttribute("user", username);
            ((HttpServletResponse) call.getArgument(1)).sendRedirect("/dashboard");
            return null;
        }).when(chain).doFilter(any(), any());
        return chain;
    }

    private FakeHttp.Request formPost() {
        return new FakeHttp.Request("POST", "", "/login");
    }

    @Test
    void aSystemAdministratorGetsInAndTheEmergencyLoginIsAudited() throws Exception {
        FakeHttp.Request request = formPost();

        filter.doFilter(request.mock, response.mock, productLogsIn("admin"));

        verify(response.mock).sendRedirect("/dashboard");
        assertThat(request.currentSession().getAttribute("user")).isEqualTo("admin");
        assertThat(audited).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.EMERGENCY_LOGIN);
            assertThat(event.user()).contains("admin");
            assertThat(event.code()).isEmpty();
        });
    }

    @Test
    void anyoneElseIsLoggedOutAgainWithAClearPageAndItIsAudited() throws Exception {
        FakeHttp.Request request = formPost();

        filter.doFilter(request.mock, response.mock, productLogsIn("alice"));

        verify(response.mock, never()).sendRedirect(any());
        verify(request.currentSession()).invalidate();
        verify(response.mock).setStatus(403);
        assertThat(response.body()).contains(ErrorCode.EMERGENCY_LOGIN_REFUSED.code());
        assertThat(audited).singleElement().satisfies(event -> {
            assertThat(event.user()).contains("alice");
            assertThat(event.code()).contains(ErrorCode.EMERGENCY_LOGIN_REFUSED);
        });
    }

    @Test
    void membersOfAConfiguredGroupGetIn() throws Exception {
        settings.change(s -> s.toBuilder().groups(List.of("break-glass")).build());

        filter.doFilter(formPost().mock, response.mock, productLogsIn("carol"));

        verify(response.mock).sendRedirect("/dashboard");
    }

    @Test
    void switchedOffEvenAnAdministratorIsRefusedWithItsOwnCode() throws Exception {
        settings.change(s -> s.toBuilder().passwordLogin(EmergencyAccess.PasswordLogin.OFF).build());

        filter.doFilter(formPost().mock, response.mock, productLogsIn("admin"));

        verify(response.mock, never()).sendRedirect(any());
        assertThat(response.body()).contains(ErrorCode.PASSWORD_LOGIN_OFF.code());
    }

    @Test
    void aTimeBoxOpensTheFormToEveryone() throws Exception {
        settings.change(s -> s.toBuilder().openToEveryoneUntil(clock.instant().plus(Duration.ofMinutes(60))).build());

        filter.doFilter(formPost().mock, response.mock, productLogsIn("alice"));

        verify(response.mock).sendRedirect("/dashboard");
        assertThat(audited).singleElement().satisfies(event -> assertThat(event.details().toString())
                .contains("open to everyone"));
    }

    @Test
    void withoutEnforcementTheFormIsTheProductsAloneAndNothingIsAudited() throws Exception {
        settings.change(s -> s.toBuilder().ssoEnforced(false).build());

        filter.doFilter(formPost().mock, response.mock, productLogsIn("alice"));

        verify(response.mock).sendRedirect("/dashboard");
        assertThat(audited).isEmpty();
    }

    @Test
    void aWrongPasswordGetsTheProductsAnswerAsItIs() throws Exception {
        FilterChain wrongPassword = mock(FilterChain.class);

        filter.doFilter(formPost().mock, response.mock, wrongPassword);

        verify(wrongPassword).doFilter(any(), any());
        assertThat(audited).isEmpty();
    }

    @Test
    void everythingButAPostToTheFormPassesUntouched() throws Exception {
        for (FakeHttp.Request request : List.of(FakeHttp.get("/login"), new FakeHttp.Request("POST", "", "/rest/api/2/issue"),
                new FakeHttp.Request("POST", "", "/scm/project/repo.git/git-receive-pack"))) {
            FilterChain chain = mock(FilterChain.class);
            HttpServletResponse untouched = mock(HttpServletResponse.class);

            filter.doFilter(request.mock, untouched, chain);

            verify(chain).doFilter(request.mock, untouched);
            verifyNoInteractions(untouched);
        }
        assertThat(audited).isEmpty();
    }

    /** In a product the form posts elsewhere than the login page: each product's address is watched, per product. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "jira, /jira, /login.jsp",
        "jira, /jira, /rest/auth/1/session",
        "conf, /wiki, /dologin.action",
        "bitbucket, '', /j_atl_security_check",
        "bamboo, /bamboo, /userlogin.action"})
    void eachProductsOwnFormAddressIsWhereARefusedPasswordLoginEnds(String platformId, String contextPath,
            String formPath) throws Exception {
        LoginPage loginPage = switch (platformId) {
            case "jira" -> LoginPage.JIRA;
            case "conf" -> LoginPage.CONFLUENCE;
            case "bitbucket" -> LoginPage.BITBUCKET;
            default -> LoginPage.BAMBOO;
        };
        EmergencyAccessFilter product = EmergencyAccessFilter.create(PasswordForms.of(platformId, loginPage), settings,
                new EmergencyAccessPolicy(new EmergencyAccessFile(Optional.of(home)), groups, clock), new ProductForm(),
                audited::add, clock, new ErrorPage(loginPage, LanyardText.english(),
                        new ErrorPageRenderer(LanyardText.english())));
        FakeHttp.Request post = new FakeHttp.Request("POST", contextPath, formPath);

        product.doFilter(post.mock, response.mock, productLogsIn("alice"));

        verify(post.currentSession()).invalidate();
        assertThat(response.body()).contains(ErrorCode.EMERGENCY_LOGIN_REFUSED.code());
    }

    @Test
    void aPostElsewhereInTheProductIsNotLookedAt() throws Exception {
        EmergencyAccessFilter jira = EmergencyAccessFilter.create(PasswordForms.of("jira", LoginPage.JIRA), settings,
                new EmergencyAccessPolicy(new EmergencyAccessFile(Optional.of(home)), groups, clock), new ProductForm(),
                audited::add, clock, new ErrorPage(LoginPage.JIRA, LanyardText.english(),
                        new ErrorPageRenderer(LanyardText.english())));
        FakeHttp.Request post = new FakeHttp.Request("POST", "/jira", "/rest/api/2/issue");
        FilterChain chain = productLogsIn("alice");

        jira.doFilter(post.mock, response.mock, chain);

        verify(chain).doFilter(post.mock, response.mock);
        verify(response.mock).sendRedirect("/dashboard");
        assertThat(audited).isEmpty();
    }

    @Test
    void theFormAddressesAreTheLoginPageAndTheProductsOwn() {
        assertThat(PasswordForms.of("conf", LoginPage.CONFLUENCE)).containsExactly("/login.action", "/dologin.action");
        assertThat(PasswordForms.of("jira", LoginPage.JIRA)).containsExactly("/login.jsp", "/rest/auth/1/session");
        assertThat(PasswordForms.of("other", LoginPage.SANDBOX)).containsExactly("/login");
    }
}
