package io.lanyard.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each jar's atlassian-plugin.xml against the rest of the jar: module classes exist, bean: references name beans
 * of the Spring XML, i18n keys exist, resources exist, and the descriptor says what a Data Center plugin must.
 */
class DescriptorIT {

    private static final Map<Product, List<String>> LOGIN_PAGES = Map.of(
            Product.JIRA, List.of("/login.jsp"),
            Product.CONFLUENCE, List.of("/login.action"),
            Product.BITBUCKET, List.of("/login"),
            Product.BAMBOO, List.of("/userlogin!doDefault.action"));

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#allJars")
    void keyVersionAndDataCenterMarkers(Product product, Generation generation) throws Exception {
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            Element root = jar.descriptor().getDocumentElement();
            assertThat(root.getAttribute("key")).isEqualTo(jar.header("Atlassian-Plugin-Key"));
            assertThat(root.getAttribute("plugins-version")).isEqualTo("2");
            assertThat(root.getAttribute("name")).isEqualTo(jar.header("Bundle-Name"));
            Element info = single(root, "plugin-info");
            assertThat(text(info, "version")).isEqualTo(System.getProperty("lanyard.version"));
            assertThat(single(info, "vendor").getAttribute("name")).isNotBlank();
            assertThat(text(info, "description")).isNotBlank();
            Map<String, String> params = params(info);
            assertThat(params).containsEntry("atlassian-data-center-status", "compatible")
                    .containsEntry("atlassian-data-center-compatible", "true");
            assertThat(jar.has(params.get("plugin-icon"))).isTrue();
            assertThat(jar.has(params.get("plugin-logo"))).isTrue();
            for (String forbidden : List.of("component", "component-import", "module-type")) {
                assertThat(root.getElementsByTagName(forbidden).getLength()).as(forbidden + " (transformerless)").isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#allJars")
    void everyModuleClassIsABeanOfTheSpringXmlOrAClassInTheJar(Product product, Generation generation) throws Exception {
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            Set<String> beans = jar.springIds();
            List<Element> modules = PluginJar.modules(jar.descriptor());
            assertThat(modules).hasSizeGreaterThanOrEqualTo(3);
            for (Element module : modules) {
                String type = module.getAttribute("class");
                if (type.startsWith("bean:")) {
                    assertThat(beans).as(module.getAttribute("key")).contains(type.substring("bean:".length()));
                } else {
                    assertThat(jar.has(type.replace('.', '/') + ".class")).as(type).isTrue();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#allJars")
    void springXmlNamesClassesOfTheJarAndPackagesItImports(Product product, Generation generation) throws Exception {
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            Set<String> ids = jar.springIds();
            Map<String, String> imports = jar.imports();
            for (Document spring : jar.springXml()) {
                for (Element bean : PluginJar.elements(spring, PluginJar.SPRING_NAMESPACE, "bean")) {
                    if (bean.hasAttribute("class")) {
                        assertThat(jar.has(bean.getAttribute("class").replace('.', '/') + ".class"))
                                .as(bean.getAttribute("class")).isTrue();
                    }
                    if (bean.hasAttribute("factory-bean")) {
                        assertThat(ids).contains(bean.getAttribute("factory-bean"));
                    }
                }
                for (Element argument : PluginJar.elements(spring, PluginJar.SPRING_NAMESPACE, "constructor-arg")) {
                    if (argument.hasAttribute("ref")) {
                        assertThat(ids).contains(argument.getAttribute("ref"));
                    }
                }
                for (Element reference : PluginJar.elements(spring, PluginJar.OSGI_NAMESPACE, "reference")) {
                    String type = reference.getAttribute("interface");
                    assertThat(imports).as(type).containsKey(type.substring(0, type.lastIndexOf('.')));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#allJars")
    void everyI18nKeyOfTheDescriptorExists(Product product, Generation generation) throws Exception {
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            Document descriptor = jar.descriptor();
            Element i18n = null;
            for (Element resource : PluginJar.elements(descriptor, null, "resource")) {
                if ("i18n".equals(resource.getAttribute("type"))) {
                    i18n = resource;
                }
            }
            assertThat(i18n).as("the i18n resource").isNotNull();
            assertThat(jar.has(i18n.getAttribute("location") + ".properties")).isTrue();
            Properties texts = jar.i18n();
            List<String> keys = i18nKeys(descriptor);
            assertThat(keys).hasSizeGreaterThanOrEqualTo(7);
            for (String key : keys) {
                assertThat(texts.getProperty(key)).as(key).isNotBlank();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#allJars")
    void filtersAndServletsSitWhereLanyardExpectsThem(Product product, Generation generation) throws Exception {
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            Document descriptor = jar.descriptor();
            Map<String, Element> byKey = new java.util.HashMap<>();
            for (Element module : PluginJar.modules(descriptor)) {
                byKey.put(module.getAttribute("key"), module);
            }
            Element loginFilter = byKey.get("lanyard-login-filter");
            assertThat(loginFilter.getAttribute("location")).isEqualTo("before-login");
            assertThat(texts(loginFilter, "dispatcher")).containsExactlyInAnyOrder("REQUEST", "FORWARD");
            assertThat(texts(loginFilter, "url-pattern")).containsExactlyElementsOf(LOGIN_PAGES.get(product));
            // <servlet url-pattern="/x"> is served at /plugins/servlet/x: LanyardPaths.LOGIN (the chooser, and the
            // direct links LOGIN/<id>), LOGGED_OUT and CALLBACK_PREFIX.
            assertThat(texts(byKey.get("lanyard-login-servlet"), "url-pattern"))
                    .containsExactly("/lanyard/login", "/lanyard/login/*");
            assertThat(texts(byKey.get("lanyard-logged-out-servlet"), "url-pattern"))
                    .containsExactly("/lanyard/logged-out");
            assertThat(texts(byKey.get("lanyard-callback-servlet"), "url-pattern"))
                    .containsExactly("/lanyard/callback/*");
            // the Basic-auth side door closes before the product checks a password, and before the bearer filter
            Element basicAuth = byKey.get("lanyard-basic-auth-filter");
            assertThat(basicAuth.getAttribute("location")).isEqualTo("before-login");
            assertThat(texts(basicAuth, "url-pattern")).containsExactly("/*");
            assertThat(Integer.parseInt(basicAuth.getAttribute("weight")))
                    .isLessThan(Integer.parseInt(byKey.get("lanyard-bearer-filter").getAttribute("weight")));
            if (product == Product.BITBUCKET) {
                Element logout = byKey.get("lanyard-logout-filter");
                assertThat(logout.getAttribute("location")).isEqualTo("before-login");
                assertThat(texts(logout, "url-pattern")).containsExactly("/j_atl_security_logout");
                assertThat(byKey).containsKeys("lanyard-auth-handler", "lanyard-auth-success-handler");
                assertThat(byKey.get("lanyard-auth-handler").getTagName()).isEqualTo("http-auth-handler");
                assertThat(byKey.get("lanyard-auth-handler").getAttribute("class"))
                        .as("the handler bean implements HttpLogoutHandler: how Bitbucket reports logouts to it")
                        .isEqualTo(byKey.get("lanyard-auth-success-handler").getAttribute("class"));
            } else {
                Element logout = byKey.get("lanyard-logout-filter");
                assertThat(logout.getAttribute("location")).isEqualTo("before-login");
                assertThat(texts(logout, "dispatcher")).containsExactlyInAnyOrder("REQUEST", "FORWARD");
            }
            for (Element resource : PluginJar.elements(descriptor, null, "resource")) {
                if ("download".equals(resource.getAttribute("type"))) {
                    String location = resource.getAttribute("location");
                    assertThat(jar.entryNames()).as(location).anyMatch(name -> name.startsWith(location));
                }
            }
        }
    }

    /**
     * Module types every product's plugin system defines (atlassian-plugins 7.4.0 in DEC: {@code servlet},
     * {@code servlet-filter} from atlassian-plugins-servlet, {@code web-item}, {@code web-section},
     * {@code web-resource} and {@code resource} from the web fragment and webresource modules; Atlassian's
     * developer documentation lists the same as "common module types"), and those a product adds. Evidence:
     * docs/host-evidence.md and host-facts.md.
     */
    private static final Set<String> EVERY_PRODUCTS_ELEMENTS = Set.of("plugin-info", "resource", "web-resource",
            "servlet-filter", "servlet", "web-item", "web-section");
    /**
     * Bitbucket's authentication modules (Bitbucket javadoc of {@code HttpAuthenticationHandler} and
     * {@code HttpAuthenticationSuccessHandler}; host-facts.md "Bitbucket login"). There is no logout handler module:
     * an {@code http-auth-handler} bean implementing {@code HttpLogoutHandler} is told about logouts.
     */
    private static final Map<Product, Set<String>> PRODUCT_ELEMENTS = Map.of(
            Product.JIRA, Set.of(), Product.CONFLUENCE, Set.of(), Product.BAMBOO, Set.of(),
            Product.BITBUCKET, Set.of("http-auth-handler", "http-auth-success-handler", "http-auth-failure-handler"));

    /** UPM shows a module of a type the product does not define as unrecognised and failed. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.lanyard.osgi.PluginJarFixtures#allJars")
    void everyModuleIsOfATypeTheProductDefines(Product product, Generation generation) throws Exception {
        try (PluginJar jar = new PluginJar(product.jar(generation))) {
            Set<String> allowed = new HashSet<>(EVERY_PRODUCTS_ELEMENTS);
            allowed.addAll(PRODUCT_ELEMENTS.get(product));
            NodeList children = jar.descriptor().getDocumentElement().getChildNodes();
            List<String> elements = new ArrayList<>();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element element) {
                    elements.add(element.getTagName());
                }
            }
            assertThat(elements).as(product + " " + generation).isNotEmpty().allMatch(allowed::contains,
                    "a module type " + product.id() + " defines (" + allowed + ")");
        }
    }

    /** The other direction: every text of the packaging block serves a descriptor or the code. */
    @Test
    void everyPackagingTextIsUsedByADescriptorOrTheCode() throws Exception {
        Set<String> used = new HashSet<>();
        Properties texts = null;
        for (Product product : Product.values()) {
            try (PluginJar jar = new PluginJar(product.jar(Generation.JAVAX))) {
                texts = jar.i18n();
                used.addAll(i18nKeys(jar.descriptor()));
                for (String name : jar.entryNames()) {
                    if (name.startsWith("io/lanyard/") && name.endsWith(".class")) {
                        String content = new String(jar.bytes(name), StandardCharsets.ISO_8859_1);
                        for (String key : texts.stringPropertyNames()) {
                            if (content.contains(key)) {
                                used.add(key);
                            }
                        }
                    }
                }
            }
        }
        List<String> unused = new ArrayList<>();
        for (String key : texts.stringPropertyNames()) {
            if (key.startsWith("lanyard.packaging.") && !used.contains(key)) {
                unused.add(key);
            }
        }
        assertThat(unused).isEmpty();
    }

    private static List<String> i18nKeys(Document descriptor) {
        List<String> keys = new ArrayList<>();
        NodeList all = descriptor.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("i18n-name-key")) {
                keys.add(element.getAttribute("i18n-name-key"));
            }
            if ((element.getTagName().equals("description") || element.getTagName().equals("label"))
                    && element.hasAttribute("key")) {
                keys.add(element.getAttribute("key"));
            }
        }
        return keys;
    }

    private static Element single(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as(tag).isGreaterThanOrEqualTo(1);
        return (Element) nodes.item(0);
    }

    private static String text(Element parent, String tag) {
        return single(parent, tag).getTextContent().trim();
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    private static Map<String, String> params(Element info) {
        Map<String, String> params = new java.util.HashMap<>();
        NodeList nodes = info.getElementsByTagName("param");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element param = (Element) nodes.item(i);
            params.put(param.getAttribute("name"), param.getTextContent().trim());
        }
        return params;
    }
}
