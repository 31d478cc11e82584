package io.lanyard.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.OwnerOnlyFiles;
import io.lanyard.core.testing.MutableClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lanyard's own signing keys: made once per installation in the shared home (owner-only, one key even when nodes start
 * together), client assertions as RFC 7523 §3 and OIDC Core §9 want them, a public JWKS without private parts, a
 * certificate Entra ID can take, and rotation with overlap.
 */
class SigningKeysTest {

    private static final URI TOKEN_ENDPOINT = URI.create("https://idp.example.com/realms/acme/protocol/openid-connect/token");

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private SigningKeys keys() {
        return SigningKeys.in(home, "Lanyard test.example.com", clock);
    }

    private static JWKSet jwks(SigningKeys keys) throws Exception {
        return JWKSet.parse(keys.publicJwks());
    }

    @Test
    void theFirstUseMakesOneKeyPairInAnOwnerOnlyFileAndTheNextStartUsesIt() throws Exception {
        String first = keys().describe().get(0).keyId();

        Path file = home.resolve(SigningKeyFile.FILE_NAME);
        assertThat(file).exists();
        if (OwnerOnlyFiles.isPosix(file)) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OwnerOnlyFiles.OWNER_READ_WRITE);
        }
        assertThat(keys().describe()).singleElement().satisfies(key -> {
            assertThat(key.keyId()).isEqualTo(first);
            assertThat(key.state()).isEqualTo("ACTIVE");
        });
    }

    @Test
    void twoNodesStartingAtOnceEndUpWithTheSameKey() throws Exception {
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<String>> starts = java.util.stream.IntStream.range(0, nodes).<Callable<String>>mapToObj(i -> () -> {
                start.await();
                return SigningKeys.in(home, "node " + i, clock).describe().get(0).keyId();
            }).toList();
            List<Future<String>> results = starts.stream().map(pool::submit).toList();
            start.countDown();
            Set<String> keyIds = new HashSet<>();
            for (Future<String> result : results) {
                keyIds.add(result.get());
            }
            assertThat(keyIds).hasSize(1);
            assertThat(jwks(keys()).getKeys()).hasSize(1);
            try (var stray = Files.list(home)) {
                assertThat(stray.map(p -> p.getFileName().toString()))
                        .as("no temporary file left behind").allMatch(name -> !name.endsWith(".tmp"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theClientAssertionIsWhatRfc7523AndOidcCoreSection9Require() throws Exception {
        SigningKeys keys = keys();

        SignedJWT assertion = keys.clientAssertion("lanyard-jira", TOKEN_ENDPOINT).getClientAssertion();

        JWTClaimsSet claims = assertion.getJWTClaimsSet();
        // RFC 7523 §3 rules 1-2: iss and sub are the client id.
        assertThat(claims.getIssuer()).isEqualTo("lanyard-jira");
        assertThat(claims.getSubject()).isEqualTo("lanyard-jira");
        // Rule 3: the audience is the token endpoint.
        assertThat(claims.getAudience()).containsExactly(TOKEN_ENDPOINT.toString());
        // Rule 4: exp, short; iat.
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plus(SigningKeys.ASSERTION_LIFETIME));
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
        // Rule 7 and OIDC Core §9: a jti, never the same twice.
        assertThat(claims.getJWTID()).hasSizeGreaterThanOrEqualTo(20)
                .isNotEqualTo(keys.clientAssertion("lanyard-jira", TOKEN_ENDPOINT).getClientAssertion()
                        .getJWTClaimsSet().getJWTID());
        assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey published = jwks(keys).getKeyByKeyId(assertion.getHeader().getKeyID()).toRSAKey();
        assertThat(assertion.verify(new RSASSAVerifier(published))).isTrue();
        assertThat(assertion.getHeader().getX509CertThumbprint()).isEqualTo(published.getX509CertThumbprint());
        assertThat(assertion.getHeader().getX509CertSHA256Thumbprint())
                .isEqualTo(published.getX509CertSHA256Thumbprint());
    }

    @Test
    void theJwksPublishesNoPrivatePart() throws Exception {
        String jwks = keys().publicJwks();

        for (JWK key : JWKSet.parse(jwks).getKeys()) {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        }
        assertThat(jwks).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"q\"")
                .doesNotContain("\"dp\"").doesNotContain("\"qi\"");
    }

    @Test
    void theCertificateIsSelfSignedForTheKeyWithTheThumbprintsOfTheJwk() throws Exception {
        SigningKeys keys = keys();
        SigningKeys.SigningKeyView view = keys.describe().get(0);
        X509Certificate certificate = Certificates.parse(java.util.Base64.getMimeDecoder().decode(
                view.certificatePem().replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "")));
        RSAKey published = jwks(keys).getKeyByKeyId(view.keyId()).toRSAKey();

        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity(java.util.Date.from(clock.instant()));
        assertThat(certificate.getPublicKey()).isEqualTo(published.toPublicKey());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=Lanyard test.example.com");
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(certificate.getVersion()).isEqualTo(3);
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
        assertThat(Base64URL.encode(sha1)).isEqualTo(published.getX509CertThumbprint());
        assertThat(view.sha1Thumbprint()).isEqualTo(java.util.HexFormat.of().withUpperCase().formatHex(sha1));
        assertThat(view.notAfter()).isEqualTo(certificate.getNotAfter().toInstant())
                .isAfter(clock.instant().plus(Duration.ofDays(700)));
    }

    @Test
    void aRotationPublishesTheNextKeyBeforeItSignsAndKeepsTheOldOnePublishedUntilItsAssertionsExpired()
            throws Exception {
        SigningKeys keys = keys();
        String old = keys.describe().get(0).keyId();

        String next = keys.publishNext().keyId();
        assertThat(jwks(keys).getKeys()).extracting(JWK::getKeyID).containsExactlyInAnyOrder(old, next);
        assertThat(keyIdOfAnAssertion(keys)).as("published is not yet used").isEqualTo(old);

        keys.activateNext();
        assertThat(keyIdOfAnAssertion(keys)).isEqualTo(next);
        assertThat(jwks(keys).getKeys()).as("the old key stays published").extracting(JWK::getKeyID).contains(old);

        clock.advance(SigningKeys.RETIRED_KEY_PUBLISHED_FOR.minusSeconds(1));
        assertThat(jwks(keys).getKeys()).extracting(JWK::getKeyID).contains(old);
        clock.advance(Duration.ofSeconds(2));
        assertThat(jwks(keys).getKeys()).extracting(JWK::getKeyID).containsExactly(next);
    }

    @Test
    void anotherNodeSignsWithTheNewKeyOnceItReadsTheFileAgain() throws Exception {
        SigningKeys nodeA = keys();
        SigningKeys nodeB = keys();
        String old = keyIdOfAnAssertion(nodeB);

        nodeA.publishNext();
        String next = nodeA.activateNext().keyId();
        // The file's time stamp has a coarse resolution on some file systems: make the change visible.
        Files.setLastModifiedTime(home.resolve(SigningKeyFile.FILE_NAME),
                java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(keyIdOfAnAssertion(nodeB)).as("until it reads again").isEqualTo(old);

        clock.advance(SigningKeys.RELOAD_INTERVAL.plusSeconds(1));
        assertThat(keyIdOfAnAssertion(nodeB)).isEqualTo(next);
    }

    @Test
    void activatingWithoutAPublishedNextKeyIsRefusedAndChangesNothing() {
        SigningKeys keys = keys();
        String only = keys.describe().get(0).keyId();

        assertThatThrownBy(keys::activateNext).isInstanceOf(IllegalStateException.class);
        assertThat(keys.describe()).extracting(SigningKeys.SigningKeyView::keyId).containsExactly(only);
    }

    @Test
    void aDamagedKeyFileIsLny112NamingTheFileNotItsContent() throws Exception {
        Files.writeString(home.resolve(SigningKeyFile.FILE_NAME), "{\"format\":1,\"keys\":[{\"jwk\":\"d=SECRETPART\"}]}");

        assertThatThrownBy(() -> keys().clientAssertion("c", TOKEN_ENDPOINT))
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.SIGNING_KEY_UNUSABLE);
                    assertThat(e.getMessage()).contains(SigningKeyFile.FILE_NAME).doesNotContain("SECRETPART");
                });
    }

    @Test
    void withoutAFolderPrivateKeyJwtIsLny112WithTheReason() {
        assertThatThrownBy(() -> SigningKeys.unavailable("the application reports no home").publicJwks())
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.SIGNING_KEY_UNUSABLE);
                    assertThat(e.getMessage()).contains("the application reports no home");
                });
    }

    @Test
    void aFailedWriteDuringARotationLeavesTheKeysAsTheyWere() throws Exception {
        SigningKeys working = keys();
        String before = working.publicJwks();
        SigningKeys failing = SigningKeys.in(home, "x", clock, (source, target) -> {
            throw new java.io.IOException("disk full");
        });

        assertThatThrownBy(failing::publishNext).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SIGNING_KEY_UNUSABLE));
        assertThat(keys().publicJwks()).isEqualTo(before);
    }

    @Test
    void nothingPrivateIsInAnyToString() throws Exception {
        SigningKeys keys = keys();
        keys.publishNext();
        RSAKey privateKey = keys.keys().active().jwk();

        for (Object value : List.of(keys.keys(), keys.keys().active(), keys.describe(),
                keys.clientAssertion("c", TOKEN_ENDPOINT))) {
            assertThat(String.valueOf(value)).doesNotContain(privateKey.getPrivateExponent().toString());
        }
    }

    private static String keyIdOfAnAssertion(SigningKeys keys) {
        return keys.clientAssertion("c", TOKEN_ENDPOINT).getClientAssertion().getHeader().getKeyID();
    }
}
