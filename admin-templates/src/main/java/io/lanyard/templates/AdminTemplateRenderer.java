package io.lanyard.templates;

import com.google.common.html.types.TrustedResourceUrlBuilder;
import com.google.template.soy.data.SanitizedContents;
import com.google.template.soy.jbcsrc.api.SoySauce;
import com.google.template.soy.jbcsrc.api.SoySauceBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * The admin pages' Soy templates ({@code templates/admin.soy}) and the sign-in pages' ({@code templates/signin.soy}),
 * compiled to bytecode at build time and loaded once
 * from this jar's class loader. The only door to Soy: the plugin passes plain maps and strings and gets HTML, so the
 * part of Soy's runtime in this jar is exactly what these templates and this class reach. Strict autoescaping: every
 * value is escaped for where it lands (text, attribute, URL). Thread-safe.
 */
public final class AdminTemplateRenderer {

    /** The templates' namespace, e.g. {@code lanyard.admin.idpForm}. */
    public static final String NAMESPACE = "lanyard.admin.";
    /** The namespace of the pages people see while signing in ({@code templates/signin.soy}). */
    public static final String SIGN_IN_NAMESPACE = "lanyard.signin.";

    private final SoySauce soy;
    private final String namespace;

    /** The admin pages ({@value #NAMESPACE}). */
    public AdminTemplateRenderer() {
        this(NAMESPACE);
    }

    /** The templates of one namespace, {@value #NAMESPACE} or {@value #SIGN_IN_NAMESPACE}. */
    public AdminTemplateRenderer(String namespace) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.soy = new SoySauceBuilder().withClassLoader(AdminTemplateRenderer.class.getClassLoader()).build();
    }

    /**
     * Renders {@code <namespace><template>}.
     *
     * @param data     the template's parameters: strings, booleans, numbers, lists and maps of them, and values of
     *                 {@link #trustedResourceUrl}
     * @param injected the injected data ({@code @inject}), e.g. the i18n texts
     */
    public String render(String template, Map<String, ?> data, Map<String, ?> injected) {
        Objects.requireNonNull(template, "template");
        StringBuilder html = new StringBuilder(8192);
        try {
            soy.renderTemplate(namespace + template).setData(data).setIj(injected).renderHtml(html).assertDone();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not throw", e);
        }
        return html.toString();
    }

    /**
     * Renders {@code <namespace><template>} as a piece of a page: safe HTML, to pass to another template as an
     * {@code html} parameter (e.g. a kind's "Test" result into the form that every kind shares).
     */
    public Object renderFragment(String template, Map<String, ?> data, Map<String, ?> injected) {
        Objects.requireNonNull(template, "template");
        return soy.renderTemplate(namespace + template).setData(data).setIj(injected).renderHtml().get();
    }

    /**
     * A URL of our own that a page may load a stylesheet or script from, which Soy insists on for such URLs. Only for
     * paths the caller builds itself (its context path and fixed paths), never for text from a request.
     */
    public static Object trustedResourceUrl(String url) {
        return SanitizedContents.fromTrustedResourceUrl(new TrustedResourceUrlBuilder(url).build());
    }
}
