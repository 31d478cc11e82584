package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pending login survives what hosts do to sessions (issue 12, part 2), through the running sandbox over real
 * HTTP: Jira's and Confluence's bot killer (the sandbox's stand-in, its cut shortened from 60 s to 1 s so that Tomcat
 * really expires the session within the test), a callback that lands on another node sharing the home, a login
 * started under another address than the base URL, and logins in several tabs.
 */
class SandboxPendingLoginTest {

    private static final Duration CUT = Duration.ofSeconds(1);

    @TempDir
    Path home;
    private final ShiftedClock clock = new ShiftedClock();
    private RunningSandbox first;
    private RunningSandbox second;

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private RunningSandbox start(SandboxHost host) throws IOException {
        SandboxOptions options = SandboxOptions.onFreePorts(home);
        return Sandbox.start(options, directory -> ClientSecretResolver.atStart(options.product(), Optional.of(directory)),
                host);
    }

    private static SandboxHost jiraWithBotKiller() {
        return SandboxHost.standalone(HostProduct.of(HostProduct.JIRA, "10.3.0")).withBotKillerCut(CUT);
    }

    private static URI at(RunningSandbox sandbox, String pathAndQuery) {
        return URI.create(sandbox.baseUrl() + pathAndQuery);
    }

    private static boolean hasSessionCookie(Browser browser) {
        return browser.cookies().stream().anyMatch(cookie -> cookie.getName().equals("JSESSIONID"));
    }

    @Test
    void theBotKillerStandInCutsANewSessionAfterItsFirstRequestAndTomcatReallyExpiresIt() throws Exception {
        first = start(jiraWithBotKiller());
        URI session = at(first, "/rest/sandbox/1/session");
        Browser quick = new Browser();
        Browser away = new Browser();

        assertThat(quick.post(session, Map.of()).body()).isEqualTo("{\"session\":true,\"maxInactiveInterval\":1800}");
        // the next request still finds it, cut to 1 s, and (as in the product) gives it its full length back
        assertThat(quick.get(session).body()).isEqualTo("{\"session\":true,\"maxInactiveInterval\":1}");
        away.post(session, Map.of());
        Thread.sleep(CUT.plusMillis(1500).toMillis());

        assertThat(quick.get(session).body()).isEqualTo("{\"session\":true,\"maxInactiveInterval\":1800}");
        assertThat(away.get(session).body()).as("gone for real").isEqualTo("{\"session\":false}");
    }

    @Test
    void aLoginSurvivesNinetySecondsAtTheProviderWhileTheBotKillerCutsNewSessions() throws Exception {
        first = start(jiraWithBotKiller().withClock(clock));
        Browser browser = new Browser();

        // Starting the login is this browser's first request: nothing is kept in a session the bot killer could cut.
        Browser.Page signIn = browser.open(at(first, "/pages/projects?x=1"));
        assertThat(hasSessionCookie(browser)).isFalse();
        // Besides the loop breaker's count (lanyard_loop), which holds no session either.
        assertThat(browser.cookies()).filteredOn(cookie -> !cookie.getName().equals("lanyard_loop"))
                .singleElement().satisfies(cookie -> {
                    assertThat(cookie.getName()).startsWith("lanyard_login_");
                    assertThat(cookie.isHttpOnly()).isTrue();
                    assertThat(cookie.getPath()).isEqualTo("/plugins/servlet/lanyard/callback/");
                });
        // A minute and a half at the provider: real time past the bot killer's cut, and ninety seconds on the clock
        // of Lanyard's logins (whose limit is ten minutes).
        Thread.sleep(CUT.plusMillis(1500).toMillis());
        clock.advance(Duration.ofSeconds(90));

        Browser.Page landed = browser.signInAtProvider(signIn, "alice");

        assertThat(landed.uri()).isEqualTo(at(first, "/pages/projects?x=1"));
        assertThat(landed.body()).contains("Logged in as alice");
        assertThat(browser.cookies()).noneMatch(cookie -> cookie.getName().startsWith("lanyard_login_"));
    }

    @Test
    void aLoginOlderThanTenMinutesOnTheLoginClockIsRefusedAsExpired() throws Exception {
        first = start(SandboxHost.standalone(HostProduct.of(HostProduct.JIRA, "10.3.0")).withClock(clock));
        Browser browser = new Browser();
        Browser.Page signIn = browser.open(at(first, "/"));
        clock.advance(Duration.ofMinutes(11));

        Browser.Page page = browser.signInAtProvider(signIn, "alice");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("LNY-402");
    }

    @Test
    void aLoginStartedOnOneNodeCompletesOnTheOtherNodeSharingTheHomeAndCannotBeReplayedThere() throws Exception {
        first = start(SandboxHost.standalone(HostProduct.of(HostProduct.JIRA, "10.3.0")));
        second = start(SandboxHost.standalone(HostProduct.of(HostProduct.JIRA, "10.3.0"))
                .asSecondNodeOf(first.baseUrl()));
        Browser browser = new Browser();
        Browser.Page signIn = browser.open(at(first, "/pages/deep"));
        URI callbackOnFirst = browser.signInAtProviderUntilTheCallback(signIn, "alice");
        // the load balancer sends the way back to the other node (same host name, so the browser sends its cookie)
        URI callbackOnSecond = URI.create(callbackOnFirst.toString().replace(first.baseUrl().toString(),
                "http://localhost:" + second.tomcatPort()));
        List<HttpCookie> copied = browser.cookies();

        Browser.Page landed = browser.open(callbackOnSecond);

        assertThat(landed.uri()).isEqualTo(URI.create("http://localhost:" + second.tomcatPort() + "/pages/deep"));
        assertThat(landed.body()).contains("Logged in as alice");
        // A replay on that node, even with a copy of the cookie the callback cleared, is refused.
        Browser replaying = new Browser();
        replaying.keep(callbackOnSecond, copied);
        Browser.Page replay = replaying.get(callbackOnSecond);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body()).contains("LNY-401");
    }

    @Test
    void aLoginStartedOn127001IsMovedToTheBaseUrlsHostAndCompletes() throws Exception {
        first = start(SandboxHost.standalone(HostProduct.of(HostProduct.JIRA, "10.3.0")));
        int port = first.tomcatPort();
        Browser browser = new Browser();

        Browser.Page signIn = browser.open(URI.create("http://127.0.0.1:" + port + "/pages/projects?x=1"));
        Browser.Page landed = browser.signInAtProvider(signIn, "alice");

        assertThat(browser.visited()).contains(URI.create("http://localhost:" + port
                + "/login?os_destination=%2Fpages%2Fprojects%3Fx%3D1&lanyard_base_url=1"));
        assertThat(landed.uri()).isEqualTo(URI.create("http://localhost:" + port + "/pages/projects?x=1"));
        assertThat(landed.body()).contains("Logged in as alice");
    }

    @Test
    void loginsStartedInTwoTabsBothComplete() throws Exception {
        first = start(SandboxHost.standalone(HostProduct.of(HostProduct.JIRA, "10.3.0")));
        Browser browser = new Browser();
        Browser.Page firstTab = browser.open(at(first, "/pages/one"));
        Browser.Page secondTab = browser.open(at(first, "/pages/two"));

        Browser.Page landedSecond = browser.signInAtProvider(secondTab, "bob");
        Browser.Page landedFirst = browser.signInAtProvider(firstTab, "alice");

        assertThat(landedSecond.uri()).isEqualTo(at(first, "/pages/two"));
        assertThat(landedSecond.body()).contains("Logged in as bob");
        assertThat(landedFirst.uri()).isEqualTo(at(first, "/pages/one"));
        assertThat(landedFirst.body()).contains("Logged in as alice");
    }
}
