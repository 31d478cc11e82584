package io.lanyard.plugin.admin;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ConfigurationService;
import io.lanyard.core.diagnostics.IdentityProviderCheck;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.entra.GraphConnectionCheck;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
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
     * As a product wires it: connector tests go to Microsoft's endpoints of each connector's national cloud.
     *
     * @param access        who may administer (the host's system administrators), and WebSudo
     * @param configuration where changes are validated, stored and made current
     * @param secrets       the same secret resolution logins use, to show where each secret comes from
     * @param baseUrl       the host's base URL, for the callback URLs to register at providers
     * @param loginPage     where anonymous visitors of the pages are sent
     * @param layout        the host's decorator, or standalone AUI (the sandbox)
     * @param limits        bounds of the "Fetch" and "Test" calls to providers, Entra ID and Microsoft Graph
     */
    public static LanyardAdminWeb create(AdminAccess access, ConfigurationService configuration,
            ClientSecretResolver secrets, BaseUrl baseUrl, LoginPage loginPage, AdminPageLayout layout,
            HttpLimits limits, Clock clock) {
        return create(access, configuration, secrets, baseUrl, loginPage, layout, limits, EntraEndpoints.NATIONAL_CLOUDS,
                clock);
    }

    /**
     * @param entraEndpoints where a connector's "Test" sends its requests: {@link EntraEndpoints#NATIONAL_CLOUDS}
     *                       in every product; the sandbox may route them to a local stand-in
     */
    public static LanyardAdminWeb create(AdminAccess access, ConfigurationService configuration,
            ClientSecretResolver secrets, BaseUrl baseUrl, LoginPage loginPage, AdminPageLayout layout,
            HttpLimits limits, EntraEndpoints entraEndpoints, Clock clock) {
        Objects.requireNonNull(access, "access");
        LanyardText text = LanyardText.english();
        XsrfTokens xsrf = new XsrfTokens();
        AdminGuard guard = new AdminGuard(access, xsrf);
        AdminView view = new AdminView(new AdminTemplates(text.asMap()), layout, xsrf, text);
        ProviderHttpClient http = new ProviderHttpClient(limits);
        IdentityProviderCheck check = new IdentityProviderCheck(http, secrets, clock);
        GraphConnectionCheck connectorCheck = new GraphConnectionCheck(http, secrets, entraEndpoints);
        IdentityProviderPages identityProviders = new IdentityProviderPages(configuration, check, secrets, baseUrl, view,
                guard);
        CloudPages cloud = new CloudPages(configuration, connectorCheck, secrets, view, guard);
        AdminServlet pages = new AdminServlet(guard, view, identityProviders, cloud, new StaticResources(), loginPage);
        ApiServlet api = new ApiServlet(guard,
                new ApiResources(configuration, check, connectorCheck, secrets, baseUrl, guard), text);
        return new LanyardAdminWeb(pages, api);
    }

    public HttpServlet adminServlet() {
        return adminServlet;
    }

    public HttpServlet apiServlet() {
        return apiServlet;
    }
}
