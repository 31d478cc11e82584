package io.lanyard.plugin.admin.signin;

import io.lanyard.core.bearer.BasicAuthOffFile;
import io.lanyard.core.config.AddressRange;
import io.lanyard.core.config.BasicAuthPolicy;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.LanyardSettingsBuilder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

/**
 * The "Passwords over the REST API and git" form of the Sign-in page: settings.xml's {@code basic-auth} section, one
 * value per line in each list, as posted (so that a refused form comes back with what was typed) or as in force.
 */
record BasicAuthForm(boolean refuse, String exceptAccounts, String exceptGroups, String exceptAddresses,
        String trustedProxies) {

    static BasicAuthForm read(HttpServletRequest request) {
        return new BasicAuthForm("true".equals(request.getParameter("refuseForManagedAccounts")),
                text(request, "exceptAccounts"), text(request, "exceptGroups"), text(request, "exceptAddresses"),
                text(request, "trustedProxies"));
    }

    static BasicAuthForm of(BasicAuthPolicy policy) {
        return new BasicAuthForm(policy.refuseForManagedAccounts(), String.join("\n", policy.exceptAccounts()),
                String.join("\n", policy.exceptGroups()), ranges(policy.exceptAddresses()),
                ranges(policy.trustedProxies()));
    }

    LanyardSettingsBuilder applyTo(LanyardSettingsBuilder builder) {
        return builder.refuseBasicAuth(refuse).basicAuthExceptAccounts(lines(exceptAccounts))
                .basicAuthExceptGroups(lines(exceptGroups)).basicAuthExceptAddresses(lines(exceptAddresses))
                .basicAuthTrustedProxies(lines(trustedProxies));
    }

    /** What the template shows: the values, where the switch-off file goes and whether it exists, the errors. */
    Map<String, Object> shown(BasicAuthOffFile offFile, List<FieldError> errors) {
        Map<String, Object> shown = new HashMap<>();
        shown.put("refuse", refuse);
        shown.put("exceptAccounts", exceptAccounts);
        shown.put("exceptGroups", exceptGroups);
        shown.put("exceptAddresses", exceptAddresses);
        shown.put("trustedProxies", trustedProxies);
        shown.put("offFile", offFile.path().map(Object::toString).orElse(""));
        shown.put("switchedOff", offFile.switchesOff());
        shown.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return shown;
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String ranges(List<AddressRange> ranges) {
        return String.join("\n", ranges.stream().map(AddressRange::toString).toList());
    }
}
