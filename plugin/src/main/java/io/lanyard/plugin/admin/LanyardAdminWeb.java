package io.lanyard.plugin.admin;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ConfigurationService;
import io.lanyard.core.diagnostics.IdentityProviderCheck;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.ClientSecretResolver;
import io.lanyard.plugin.host.AdminAccess;
import io.lanyard.plugin.host.LoginPage;
import io.lanyard.plugin.web.LanyardText;
import java.time.Clock;
import java.util.Objects;
import javax.servlet.http.HttpServlet;

/**
 * Assembles Lanyard's administration (pages and JSON API) from the host's ports and the core's services, so the
 * sandbox and every product wire it the same way. Register:
 * <ul>
 *   <li>{@link #adminServlet()} at {@link #ADMIN_SERVLET_MAPPINGS} (a product: {@code <servlet>} served at
 *       {@code /plugins/servlet/lanyard/admin});</li>
 *   <li>{@link #apiServlet()} at {@link #API_SERVLET_MAPPING} ({@code /plugins/servlet/lanyard/api}).</li>
 * </ul>
 * Both servlets are thread-safe and keep no state of a request.
 */
public final class LanyardAdminWeb {

    public static final String[] ADMIN_SERVLET_MAPPINGS = {LanyardPaths.ADMIN, LanyardPaths.ADMIN + "/*"};
    public static final String API_SERVLET_MAPPING = LanyardPaths.API + "/*";

    private final AdminServlet adminServlet;
    private final ApiServlet apiServlet;

    private LanyardAdminWeb(AdminServlet adminServlet, ApiServlet apiServlet) {
        this.adminServlet = adminServlet;
        this.apiServlet = apiServlet;
    }

    /**
     * @param access        who may administer (the host's system administrators), and WebSudo
     * @param configuration where changes are validated, stored and made current
     * @param secrets       the same secret resolution logins use, to show where each secret comes from
     * @param baseUrl       the host's base URL, for the callback URLs to register at providers
     * @param loginPage     where anonymous visitors of the pages are sent
     * @param layout        the host's decorator, or standalone AUI (the sandbox)
     * @param limits        bounds of the "Fetch" and "Test" calls to providers
     */
    public static LanyardAdminWeb create(AdminAccess access, ConfigurationService configuration,
            ClientSecretResolver secrets, BaseUrl baseUrl, LoginPage loginPage, AdminPageLayout layout,
            HttpLimits limits, Clock clock) {
        Objects.requireNonNull(access, "access");
        LanyardText text = LanyardText.english();
        XsrfTokens xsrf = new XsrfTokens();
        AdminGuard guard = new AdminGuard(access, xsrf);
        AdminView view = new AdminView(new AdminTemplates(text.asMap()), layout, xsrf, text);
        IdentityProviderCheck check = new IdentityProviderCheck(new ProviderHttpClient(limits), secrets, clock);
        IdentityProviderPages identityProviders = new IdentityProviderPages(configuration, check, secrets, baseUrl, view,
                guard);
        AdminServlet pages = new AdminServlet(guard, view, identityProviders, new CloudPages(view),
                new StaticResources(), loginPage);
        ApiServlet api = new ApiServlet(guard, new ApiResources(configuration, check, secrets, baseUrl, guard), text);
        return new LanyardAdminWeb(pages, api);
    }

    public HttpServlet adminServlet() {
        return adminServlet;
    }

    public HttpServlet apiServlet() {
        return apiServlet;
    }
}
