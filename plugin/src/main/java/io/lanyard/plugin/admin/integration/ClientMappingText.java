package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.AddressRange;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The clients of a token issuer as one line of the admin form: entries separated by spaces, each
 * {@code client=account}, then optionally {@code ;read-only}, {@code ;from=10.0.0.0/8,192.0.2.1} and
 * {@code ;max-age=600} (seconds), e.g. {@code deployer=svc-deployer;read-only;from=10.0.0.0/8}. Client ids with
 * spaces are for {@code token-issuer.xml} and the JSON API, which list the clients one by one.
 */
final class ClientMappingText {

    private ClientMappingText() {
    }

    static String format(List<ClientMapping> mappings) {
        List<String> entries = new ArrayList<>();
        for (ClientMapping mapping : mappings) {
            StringBuilder entry = new StringBuilder(mapping.clientId()).append('=').append(mapping.account());
            if (mapping.readOnly()) {
                entry.append(";read-only");
            }
            if (!mapping.sourceRanges().isEmpty()) {
                entry.append(";from=").append(String.join(",",
                        mapping.sourceRanges().stream().map(AddressRange::toString).toList()));
            }
            mapping.maxTokenAge().ifPresent(age -> entry.append(";max-age=").append(age.toSeconds()));
            entries.add(entry.toString());
        }
        return String.join(" ", entries);
    }

    /** The mappings typed; what cannot be read is reported for {@code clientMappings} and left out. */
    static List<ClientMapping> parse(String text, List<FieldError> errors) {
        List<ClientMapping> result = new ArrayList<>();
        for (String entry : text.strip().isEmpty() ? new String[0] : text.strip().split("\\s+")) {
            String[] parts = entry.split(";");
            int equals = parts[0].indexOf('=');
            if (equals <= 0 || equals == parts[0].length() - 1) {
                errors.add(new FieldError("clientMappings", "\"" + parts[0] + "\" is not client=account"));
                continue;
            }
            boolean readOnly = false;
            List<AddressRange> ranges = new ArrayList<>();
            Optional<Duration> maxAge = Optional.empty();
            boolean valid = true;
            for (int i = 1; i < parts.length; i++) {
                String option = parts[i];
                if (option.equals("read-only")) {
                    readOnly = true;
                } else if (option.startsWith("from=")) {
                    for (String range : option.substring(5).split(",")) {
                        Optional<AddressRange> parsed = AddressRange.parse(range);
                        parsed.ifPresent(ranges::add);
                        valid &= parsed.isPresent();
                    }
                } else if (option.matches("max-age=\\d{1,9}")) {
                    maxAge = Optional.of(Duration.ofSeconds(Long.parseLong(option.substring(8))));
                } else {
                    valid = false;
                }
            }
            if (!valid) {
                errors.add(new FieldError("clientMappings", "\"" + entry + "\": options are read-only, from=<ranges>"
                        + " (IP addresses or CIDR) and max-age=<seconds>"));
                continue;
            }
            result.add(new ClientMapping(parts[0].substring(0, equals), parts[0].substring(equals + 1), readOnly, ranges,
                    maxAge));
        }
        return result;
    }
}
