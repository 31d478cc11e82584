package io.lanyard.core.config.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.ConfigurationFiles;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.FileFingerprint;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes sharing the home (the security review's HIGH finding): a change saved on one was not used by the other,
 * whose next save wrote its stale copy back, re-enabling a provider an administrator had disabled. Each node here is
 * what a product's plugin has: a holder read from the files at start and the service that keeps it in step.
 */
class ConfigurationAcrossNodesTest {

    @TempDir
    Path home;
    private Node a;
    private Node b;

    /** One node: the files read at start, as LanyardPlugin reads them. */
    private record Node(ConfigurationHolder holder, ConfigurationService service) {
    }

    private Node startNode() {
        ConfigurationFiles files = new ConfigurationFiles(home);
        LanyardConfiguration read = LanyardConfiguration.empty();
        for (IntegrationKind<?> kind : IntegrationKind.ALL) {
            read = ConfigurationFiles.withFileOf(read, files.store(kind));
        }
        ConfigurationHolder holder = new ConfigurationHolder(read);
        return new Node(holder, new ConfigurationService(holder, files, ClientSecretResolver.fileOnly()));
    }

    private static IdentityProviderConfig provider(String id, String name) {
        return IdentityProviderConfig.builder().id(id).displayName(name).discoveryUrl("https://" + id + ".example.com")
                .clientId("lanyard").build();
    }

    private IdentityProviderConfig inFile(String id) {
        return new ConfigurationFiles(home).store(IntegrationKind.IDENTITY_PROVIDER).load().stream()
                .filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @BeforeEach
    void twoNodesOnOneHome() {
        new ConfigurationFiles(home).store(IntegrationKind.IDENTITY_PROVIDER)
                .save(List.of(provider("corp", "Corporate"), provider("partner", "Partners")));
        a = startNode();
        b = startNode();
    }

    @Test
    void aProviderDisabledOnOneNodeIsDisabledOnTheOtherBeforeItsNextLoginStart() {
        a.service().setEnabled(IntegrationKind.IDENTITY_PROVIDER, "corp", false);

        assertThat(b.holder().refreshed().identityProvider("corp").orElseThrow().enabled()).isFalse();
        assertThat(b.holder().current().enabledIdentityProviders()).extracting(IdentityProviderConfig::id)
                .containsExactly("partner");
    }

    @Test
    void theOtherNodesNextSaveDoesNotWriteItsStaleCopyBack() {
        a.service().setEnabled(IntegrationKind.IDENTITY_PROVIDER, "corp", false);
        // B has not looked since (no login start, no admin page): its copy still says corp is enabled
        assertThat(b.holder().current().identityProvider("corp").orElseThrow().enabled()).isTrue();

        b.service().save(provider("partner", "Partners (renamed on B)"));

        assertThat(inFile("corp").enabled()).as("A's change survives B's save").isFalse();
        assertThat(inFile("partner").displayName()).isEqualTo("Partners (renamed on B)");
        assertThat(a.holder().refreshed()).isEqualTo(b.holder().current());
    }

    @Test
    void enablingOnAStaleNodeChangesOnlyEnabledOfTheProviderAsTheFilesHoldIt() {
        a.service().save(provider("corp", "Corporate (renamed on A)"));

        b.service().setEnabled(IntegrationKind.IDENTITY_PROVIDER, "corp", false);

        assertThat(inFile("corp").displayName()).isEqualTo("Corporate (renamed on A)");
        assertThat(inFile("corp").enabled()).isFalse();
    }

    @Test
    void anEditOfAProviderTheOtherNodeDeletedDoesNotBringItBack() {
        a.service().delete(IntegrationKind.IDENTITY_PROVIDER, "corp");

        assertThatThrownBy(() -> b.service().update(provider("corp", "Edited on a stale page")))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ADMIN_NOT_FOUND));
        assertThat(b.holder().current().identityProvider("corp")).isEmpty();
        assertThat(new ConfigurationFiles(home).store(IntegrationKind.IDENTITY_PROVIDER).load())
                .extracting(IdentityProviderConfig::id).containsExactly("partner");
    }

    @Test
    void filesNoNodeChangedAreNotReadAgain() {
        LanyardConfiguration first = b.holder().refreshed();

        assertThat(b.holder().refreshed()).isSameAs(first);
        assertThat(b.service().current()).isSameAs(first);
    }

    @Test
    void aChangeIsSeenEvenWhenItKeepsTheFilesSizeAndModificationTime() throws Exception {
        Path file = home.resolve("provider.xml");
        assumeTrue(FileFingerprint.of(file).orElseThrow().fileKey() != null, "the platform names files (inodes)");
        FileTime before = Files.getLastModifiedTime(file);

        a.service().save(provider("corp", "Corporatf")); // same length as "Corporate"
        Files.setLastModifiedTime(file, before);

        assertThat(b.holder().refreshed().identityProvider("corp").orElseThrow().displayName()).isEqualTo("Corporatf");
    }

    @Test
    void aFileAnEditorBrokeLeavesEachNodeWithWhatItHadAndIsLogged() throws Exception {
        Files.writeString(home.resolve("provider.xml"), "<lanyard-providers version=\"1\"><provider id=\"x\">");

        try (LogCapture log = LogCapture.start()) {
            assertThat(b.holder().refreshed().identityProviders()).extracting(IdentityProviderConfig::id)
                    .containsExactly("corp", "partner");
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("LNY-101")
                    .contains("the identity providers read before stay in use"));
        }
    }
}
