package io.lanyard.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.config.xml.ConfigurationFiles;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration's lock holds across processes, as between two cluster nodes sharing the home: while another JVM
 * holds it, a save here waits (and a wait has its bound); once it lets go, the save goes through.
 */
class DirectoryLockAcrossProcessesTest {

    @TempDir
    Path folder;
    private Process otherNode;

    @AfterEach
    void stopTheOtherNode() {
        if (otherNode != null) {
            otherNode.destroy();
        }
    }

    /** Starts the other node and returns once it holds the lock; its input lets it go. */
    private OutputStream otherNodeHoldsTheLock() throws IOException {
        otherNode = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DirectoryLockHolderMain.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(otherNode.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals("LOCKED")) {
            // the JVM's own lines, if any
        }
        assertThat(line).as("the other node took the lock").isEqualTo("LOCKED");
        return otherNode.getOutputStream();
    }

    @Test
    void aSaveWaitsWhileAnotherProcessHoldsTheLockAndGoesThroughOnceItLetsGo() throws Exception {
        ConfigurationHolder holder = new ConfigurationHolder(LanyardConfiguration.empty());
        ConfigurationService service = new ConfigurationService(holder, new ConfigurationFiles(folder),
                ClientSecretResolver.fileOnly());
        IdentityProviderConfig provider = IdentityProviderConfig.builder().id("abc").displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/a").clientId("lanyard").build();
        OutputStream release = otherNodeHoldsTheLock();

        CompletableFuture<IdentityProviderConfig> save = CompletableFuture.supplyAsync(() -> service.save(provider));
        Thread.sleep(500);
        assertThat(save).as("waiting for the other node").isNotDone();
        assertThat(holder.current().identityProviders()).isEmpty();

        release.write('\n');
        release.flush();

        assertThat(save.get(8, TimeUnit.SECONDS)).isEqualTo(provider);
        assertThat(holder.current().identityProviders()).containsExactly(provider);
        assertThat(otherNode.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theWaitForALockAnotherProcessKeepsIsBoundedAndRefusedWithItsCode() throws Exception {
        otherNodeHoldsTheLock();

        assertThatThrownBy(() -> DirectoryLock.unshared(folder, Duration.ofMillis(300)).acquire())
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_LOCK_UNAVAILABLE));
    }

    @Test
    void withinOneProcessTheLockIsReentrantAndTakesTheFileLockOnce() {
        DirectoryLock lock = DirectoryLock.of(folder);

        DirectoryLock.Held outer = lock.acquire();
        DirectoryLock.Held inner = lock.acquire();
        inner.close();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        outer.close();

        assertThat(lock.isHeldByCurrentThread()).isFalse();
        assertThat(folder.resolve(DirectoryLock.FILE_NAME)).exists();
        lock.acquire().close(); // released whole: it can be taken again
    }
}
