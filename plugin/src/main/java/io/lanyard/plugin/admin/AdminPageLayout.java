package io.lanyard.plugin.admin;

import java.util.List;
import java.util.Objects;

/**
 * How the admin pages are framed, which is all that differs between the products and the sandbox.
 *
 * <ul>
 *   <li>In a product the host's decorator ({@code atl.admin}) wraps our page in its admin layout and brings its own
 *       AUI; the host's scripts are inline and from its own resources, so only a narrow Content-Security-Policy is
 *       sent.</li>
 *   <li>Standalone (the sandbox) the page links AUI's stylesheet itself and sends a strict policy: scripts,
 *       styles, fonts and images from this origin only.</li>
 * </ul>
 *
 * @param decorator         the host decorator named in {@code <meta name="decorator">}, or empty for none
 * @param stylesheets       paths below the context path of stylesheets to link (AUI, when the host brings none)
 * @param contentSecurityPolicy the {@code Content-Security-Policy} header of every admin response
 */
public record AdminPageLayout(String decorator, List<String> stylesheets, String contentSecurityPolicy) {

    /** Strict: nothing inline, nothing from elsewhere; AUI's CSS embeds some images as data: URLs. */
    public static final String STRICT_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'self'";
    /** What a decorated product page can bear: no framing by other sites, no plugins, no base-URL change. */
    public static final String HOST_POLICY = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'";

    public AdminPageLayout {
        Objects.requireNonNull(decorator, "decorator");
        stylesheets = List.copyOf(stylesheets);
        Objects.requireNonNull(contentSecurityPolicy, "contentSecurityPolicy");
    }

    /** In a product: the host's admin decorator, which brings AUI. */
    public static AdminPageLayout hostDecorated() {
        return new AdminPageLayout("atl.admin", List.of(), HOST_POLICY);
    }

    /** Without a decorating host: links these stylesheets (e.g. AUI's) and sends the strict policy. */
    public static AdminPageLayout standalone(List<String> stylesheets) {
        return new AdminPageLayout("", stylesheets, STRICT_POLICY);
    }

    boolean decorated() {
        return !decorator.isEmpty();
    }
}
