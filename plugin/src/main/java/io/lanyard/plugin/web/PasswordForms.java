package io.lanyard.plugin.web;

import io.lanyard.core.host.HostProduct;
import io.lanyard.core.host.LoginPage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where each product's own password form posts, which is where emergency access looks (docs/host-evidence.md, 3.3):
 * the login page itself, and
 * <ul>
 *   <li>Jira: {@code /login.jsp} (Seraph reads {@code os_username}/{@code os_password}) and the REST login
 *       {@code /rest/auth/1/session};</li>
 *   <li>Confluence: {@code /dologin.action};</li>
 *   <li>Bitbucket: {@code /j_atl_security_check} ({@code j_username}/{@code j_password});</li>
 *   <li>Bamboo: {@code /userlogin.action}.</li>
 * </ul>
 */
public final class PasswordForms {

    private PasswordForms() {
    }

    /** The login page's paths and the product's own form addresses, by SAL's platform id. */
    public static List<String> of(String platformId, LoginPage loginPage) {
        List<String> paths = new ArrayList<>(loginPage.paths());
        paths.addAll(switch (platformId == null ? "" : platformId) {
            case HostProduct.JIRA -> List.of("/login.jsp", "/rest/auth/1/session");
            case HostProduct.CONFLUENCE -> List.of("/dologin.action");
            case HostProduct.BITBUCKET -> List.of("/j_atl_security_check");
            case HostProduct.BAMBOO -> List.of("/userlogin.action");
            default -> List.of();
        });
        return List.copyOf(new LinkedHashSet<>(paths));
    }
}
