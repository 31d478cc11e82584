package io.lanyard.plugin.admin.keys;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.nodes.NodeReport;
import io.lanyard.core.secret.resolver.SecuredStoreKeys;
import io.lanyard.core.signing.SigningKeys;
import io.lanyard.core.signing.SigningKeys.SigningKeyView;
import io.lanyard.plugin.admin.AdminGuard;
import io.lanyard.plugin.admin.AdminPages;
import io.lanyard.plugin.admin.AdminView;
import io.lanyard.plugin.admin.integration.SecretSections;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Keys and nodes": Lanyard's own signing keys for {@code private_key_jwt} (the JWKS URL to give providers, each key's
 * certificate to upload where a provider takes one, and the two steps of a rotation with overlap), the key of the
 * encrypted store (Bitbucket 9+: re-encrypt, wait for every node, finish), and the nodes that reported. Nothing here
 * holds a private key or a secret: certificates and key ids only.
 */
public final class KeysPages implements AdminPages {

    static final String PATH = "keys";
    private static final Logger LOG = LoggerFactory.getLogger(KeysPages.class);
    /** A key id as Lanyard makes them (a JWK thumbprint, base64url). */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final SigningKeys signingKeys;
    private final SecuredStoreKeys storeKeys;
    private final SecretSections sections;
    private final ConfigurationService configuration;
    private final AdminView view;
    private final AdminGuard guard;
    private final BaseUrl baseUrl;

    public KeysPages(SigningKeys signingKeys, SecuredStoreKeys storeKeys, SecretSections sections,
            ConfigurationService configuration, AdminView view, AdminGuard guard, BaseUrl baseUrl) {
        this.signingKeys = signingKeys;
        this.storeKeys = storeKeys;
        this.sections = sections;
        this.configuration = configuration;
        this.view = view;
        this.guard = guard;
        this.baseUrl = baseUrl;
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        boolean post = "POST".equals(request.getMethod());
        String route = String.join("/", path);
        if (path.isEmpty() && !post) {
            show(request, response, HttpServletResponse.SC_OK, Map.of());
        } else if (!post && path.size() == 2 && path.get(0).equals("certificate") && path.get(1).endsWith(".pem")) {
            certificate(response, path.get(1).substring(0, path.get(1).length() - ".pem".length()));
        } else if (post && route.equals("signing/publish-next")) {
            act(request, response, "publish-next", () -> signingKeys.publishNext().keyId());
        } else if (post && route.equals("signing/activate-next")) {
            act(request, response, "activate-next", () -> signingKeys.activateNext().keyId());
        } else if (post && route.equals("secured/start")) {
            act(request, response, "secured-start", () -> storeKeys.startRotation().storeKeyId());
        } else if (post && route.equals("secured/finish")) {
            act(request, response, "secured-finish", () -> storeKeys.finishRotation(confirmations()).keyId());
        } else if (post && path.size() == 3 && path.get(0).equals("nodes") && path.get(2).equals("forget")) {
            act(request, response, "forget-node", () -> sections.forgetNode(path.get(1)) ? path.get(1) : "");
        } else {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
        }
    }

    @FunctionalInterface
    private interface Step {
        String run();
    }

    /** Runs one step; the page again with what happened, or with the code and reason of a refusal. */
    private void act(HttpServletRequest request, HttpServletResponse response, String step, Step action)
            throws IOException {
        String result;
        try {
            result = action.run();
        } catch (LanyardException e) {
            LOG.warn("{} {} refused: {}", e.errorCode().code(), step, e.getMessage());
            show(request, response, HttpServletResponse.SC_CONFLICT, Map.of("failure", Map.of("code",
                    e.errorCode().code(), "detail", e.getMessage())));
            return;
        } catch (IllegalStateException e) {
            show(request, response, HttpServletResponse.SC_CONFLICT, Map.of("failure", Map.of("code", "",
                    "detail", e.getMessage())));
            return;
        }
        LOG.info("Keys and nodes: {} ({}) by {}", step, result, guard.username(request).orElse("-"));
        view.redirect(request, response, "/" + PATH + "?done=" + step);
    }

    private void certificate(HttpServletResponse response, String keyId) throws IOException {
        Optional<SigningKeyView> key = KEY_ID.matcher(keyId).matches() ? signingKeys.describe().stream()
                .filter(k -> k.keyId().equals(keyId)).findFirst() : Optional.empty();
        if (key.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pem = key.get().certificatePem().getBytes(StandardCharsets.US_ASCII);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"lanyard-" + keyId + ".pem\"");
        response.setContentType("application/x-pem-file");
        response.setContentLength(pem.length);
        response.getOutputStream().write(pem);
    }

    private Map<String, Optional<String>> confirmations() {
        Map<String, Optional<String>> confirmed = new LinkedHashMap<>();
        for (NodeReport report : sections.nodes(configuration.current())) {
            confirmed.put(report.nodeId(), report.securedKeyId());
        }
        return confirmed;
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> extra)
            throws IOException {
        Map<String, Object> data = new HashMap<>(extra);
        data.put("done", Optional.ofNullable(request.getParameter("done")).filter(d -> d.matches("[a-z-]{1,20}"))
                .orElse(""));
        data.put("jwksUrl", baseUrl.baseUrl() + LanyardPaths.JWKS);
        data.put("signing", signing());
        List<NodeReport> nodes = sections.nodes(configuration.current());
        data.put("secured", secured(nodes));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NodeReport node : nodes) {
            rows.add(Map.of("node", node.nodeId(), "writtenAt", node.writtenAt().toString(), "securedKeyId",
                    node.securedKeyId().orElse("")));
        }
        data.put("nodes", rows);
        view.show(request, response, status, PATH, "keysPage", data);
    }

    private Map<String, Object> signing() {
        Map<String, Object> signing = new HashMap<>();
        List<Map<String, Object>> keys = new ArrayList<>();
        String problem = "";
        try {
            for (SigningKeyView key : signingKeys.describe()) {
                keys.add(Map.of("keyId", key.keyId(), "state", key.state(), "created", key.created().toString(),
                        "activated", key.activated().map(Instant::toString).orElse(""),
                        "retired", key.retired().map(Instant::toString).orElse(""),
                        "retiredUntil", key.retired().map(at -> at.plus(SigningKeys.RETIRED_KEY_PUBLISHED_FOR).toString())
                                .orElse(""),
                        "thumbprint", key.sha1Thumbprint(), "notAfter", key.notAfter().toString(),
                        "certificatePem", key.certificatePem()));
            }
        } catch (LanyardException e) {
            problem = e.errorCode().code() + " " + e.getMessage();
        }
        signing.put("keys", keys);
        signing.put("hasNext", keys.stream().anyMatch(key -> "PUBLISHED".equals(key.get("state"))));
        signing.put("problem", problem);
        return signing;
    }

    private Map<String, Object> secured(List<NodeReport> nodes) {
        Map<String, Object> secured = new HashMap<>(Map.of("unavailable", storeKeys.whyUnavailable().orElse(""),
                "present", false, "storeKeyId", "", "keyId", "", "nextKeyId", "", "values", 0, "reEncrypted", false,
                "waiting", List.of(), "problem", ""));
        if (storeKeys.whyUnavailable().isPresent()) {
            return secured;
        }
        try {
            storeKeys.status().ifPresent(status -> {
                secured.put("present", true);
                secured.put("storeKeyId", status.storeKeyId());
                secured.put("keyId", status.keyId());
                secured.put("nextKeyId", status.nextKeyId().orElse(""));
                secured.put("values", status.values());
                secured.put("reEncrypted", status.reEncrypted());
                secured.put("waiting", nodes.stream().filter(node -> !node.securedKeyId()
                        .filter(status.storeKeyId()::equals).isPresent()).map(NodeReport::nodeId).toList());
            });
        } catch (LanyardException e) {
            secured.put("problem", e.errorCode().code() + " " + e.getMessage());
        }
        return secured;
    }
}
