package io.lanyard.plugin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.atlassian.audit.api.AuditService;
import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.ChangedValue;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.error.ErrorCode;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Lanyard's events in the product's audit log, as Atlassian's own SSO writes them; and without one. */
class HostAuditLogTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    @Test
    void aConfigurationChangeIsAGlobalConfigEventWithChangedValuesAndTheSecretOnlyChanged() {
        List<com.atlassian.audit.entity.AuditEvent> written = new ArrayList<>();
        AuditService host = written::add;

        new HostAuditLog(host).record(AuditEvent.of(AuditEventType.CONFIGURATION_CHANGED, NOW).actor("admin")
                .integration("kc").detail("kind", "identity provider").detail("DISPLAY_NAME.from", "Old")
                .detail("DISPLAY_NAME.to", "New").detail("CLIENT_SECRET", AuditEvent.CHANGED).build());

        com.atlassian.audit.entity.AuditEvent event = written.get(0);
        assertThat(event.getCategoryI18nKey()).isEqualTo("lanyard.audit.category");
        assertThat(event.getActionI18nKey()).isEqualTo("lanyard.audit.action.configuration_changed");
        assertThat(event.getArea()).isEqualTo(CoverageArea.GLOBAL_CONFIG_AND_ADMINISTRATION);
        assertThat(event.getLevel()).isEqualTo(CoverageLevel.BASE);
        assertThat(event.getChangedValues()).extracting(ChangedValue::getKey, ChangedValue::getFrom,
                ChangedValue::getTo).containsExactly(org.assertj.core.groups.Tuple.tuple("DISPLAY_NAME", "Old", "New"),
                org.assertj.core.groups.Tuple.tuple("CLIENT_SECRET", "", "changed"));
        assertThat(event.getAffectedObjects()).extracting(AuditResource::getName).containsExactly("kc");
        assertThat(event.getExtraAttributes()).extracting(AuditAttribute::getName).contains("actor", "kind");
    }

    @Test
    void aFailedLoginIsASecurityEventNamingTheUserCodeReferenceAndSource() {
        List<com.atlassian.audit.entity.AuditEvent> written = new ArrayList<>();

        new HostAuditLog(written::add).record(AuditEvent.of(AuditEventType.LOGIN_FAILED, NOW).user("bob")
                .integration("kc").code(ErrorCode.USER_NOT_FOUND).correlationId("REF").sourceAddress("10.0.0.9")
                .build());

        com.atlassian.audit.entity.AuditEvent event = written.get(0);
        assertThat(event.getArea()).isEqualTo(CoverageArea.SECURITY);
        assertThat(event.getAffectedObjects()).extracting(AuditResource::getName, AuditResource::getType)
                .contains(org.assertj.core.groups.Tuple.tuple("bob", "USER"));
        assertThat(event.getExtraAttributes()).extracting(AuditAttribute::getName, AuditAttribute::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("code", "LNY-502"),
                        org.assertj.core.groups.Tuple.tuple("reference", "REF"),
                        org.assertj.core.groups.Tuple.tuple("source", "10.0.0.9"));
    }

    /** An optional OSGi reference without a service throws on every call: logged once, never thrown. */
    @Test
    void anAbsentServiceNeitherThrowsNorBreaksTheCaller() {
        AuditService absent = event -> {
            throw new IllegalStateException("ServiceUnavailableException: no AuditService");
        };
        HostAuditLog log = new HostAuditLog(absent);

        assertThatCode(() -> {
            for (int i = 0; i < 3; i++) {
                log.record(AuditEvent.of(AuditEventType.LOGIN_SUCCEEDED, NOW).user("alice").build());
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void everyEventTypeHasAnActionTextForTheProductsAuditLog() throws Exception {
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/lanyard-i18n.properties")) {
            texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(texts).containsKey(HostAuditLog.CATEGORY);
        java.util.Set<String> actions = new java.util.HashSet<>();
        for (AuditEventType type : AuditEventType.values()) {
            actions.add(HostAuditLog.ACTION_PREFIX + type.name().toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(texts.stringPropertyNames()).containsAll(actions);
        assertThat(texts.stringPropertyNames().stream().filter(key -> key.startsWith(HostAuditLog.ACTION_PREFIX)))
                .as("no action text without its event type").isSubsetOf(actions);
    }
}
