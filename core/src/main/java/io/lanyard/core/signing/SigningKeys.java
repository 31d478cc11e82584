package io.lanyard.core.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.signing.SigningKey.State;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Lanyard's own signing keys, for client authentication without a shared secret ({@code private_key_jwt}, RFC 7523
 * §2.2, OpenID Connect Core §9): one RSA key pair per installation, shared by every node through the shared home, a
 * public JWKS for providers that fetch keys ({@code /plugins/servlet/lanyard/jwks}), a self-signed certificate for
 * those that take one (Entra ID), and rotation with overlap (publish the next key, then sign with it; the old one
 * stays published while its assertions can still be presented).
 *
 * <p>The first key pair is made on first use; every node reads the same file and notices another node's rotation
 * within {@link #RELOAD_INTERVAL}. Thread-safe.
 */
public final class SigningKeys {

    /** How long a client assertion is valid: RFC 7523 §3 wants a short {@code exp}; it is used at once. */
    public static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);
    /** How long a retired key stays published: its last assertion's lifetime and any provider's clock skew. */
    public static final Duration RETIRED_KEY_PUBLISHED_FOR = Duration.ofMinutes(10);
    static final Duration RELOAD_INTERVAL = Duration.ofSeconds(5);
    /** How long a new key's certificate is valid (Entra ID takes it for as long as it is). */
    public static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(730);
    private static final int RSA_BITS = 3072;

    private final Optional<SigningKeyFile> file;
    private final String whyNone;
    private final String commonName;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Loaded loaded;

    private record Loaded(SigningKeySet keys, Optional<FileTime> modified, Instant readAt) {
    }

    private SigningKeys(Optional<SigningKeyFile> file, String whyNone, String commonName, Clock clock) {
        this.file = file;
        this.whyNone = whyNone;
        this.commonName = Objects.requireNonNull(commonName, "commonName");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The keys in Lanyard's folder of the shared home.
     *
     * @param commonName the certificate's subject, e.g. {@code Lanyard jira.example.com}
     */
    public static SigningKeys in(Path lanyardDirectory, String commonName, Clock clock) {
        return in(lanyardDirectory, commonName, clock, AtomicFileWriter.ATOMIC_MOVE);
    }

    /** For tests: {@code replacer} stands in for the atomic rename of the key file, e.g. to make it fail. */
    static SigningKeys in(Path lanyardDirectory, String commonName, Clock clock, AtomicFileWriter.Replacer replacer) {
        return new SigningKeys(Optional.of(new SigningKeyFile(lanyardDirectory, replacer)), null, commonName, clock);
    }

    /** No keys can be kept (the application reports no home): {@code private_key_jwt} fails with the reason. */
    public static SigningKeys unavailable(String why) {
        return new SigningKeys(Optional.empty(), why, "-", Clock.systemUTC());
    }

    /**
     * A signed client assertion (RFC 7523 §3): {@code iss} = {@code sub} = the client id, {@code aud} =
     * {@code audience}, {@code exp} {@link #ASSERTION_LIFETIME} from now, {@code iat}, {@code nbf} and a random
     * {@code jti} (never reused), signed RS256 with the active key, whose {@code kid}, {@code x5t} (SHA-1, which Entra
     * ID looks up certificates by) and {@code x5t#S256} are in the header.
     *
     * @throws LanyardException {@code SIGNING_KEY_UNUSABLE}
     */
    public PrivateKeyJWT clientAssertion(String clientId, URI audience) {
        return sign(keys().active(), clientId, audience);
    }

    /**
     * The id of the key retired last, while it is still published: an assertion signed with it is for a provider that has not
     * fetched the new key yet (Keycloak fetches a client's keys again at most every ten seconds, and only for an
     * unknown {@code kid}), so that a key rotation fails no login. Empty when no key was retired within
     * {@link #RETIRED_KEY_PUBLISHED_FOR}.
     */
    public Optional<String> recentlyRetiredKeyId() {
        return keys().recentlyRetired(clock.instant(), RETIRED_KEY_PUBLISHED_FOR).map(SigningKey::keyId);
    }

    /** As {@link #recentlyRetiredKeyId}, the assertion itself. */
    public Optional<PrivateKeyJWT> previousKeyAssertion(String clientId, URI audience) {
        return keys().recentlyRetired(clock.instant(), RETIRED_KEY_PUBLISHED_FOR)
                .map(key -> sign(key, clientId, audience));
    }

    private PrivateKeyJWT sign(SigningKey key, String clientId, URI audience) {
        Instant now = clock.instant();
        JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(new ClientID(clientId),
                List.of(new Audience(audience.toString())), Date.from(now.plus(ASSERTION_LIFETIME)), Date.from(now),
                Date.from(now), new JWTID());
        RSAKey jwk = key.jwk();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(jwk.getKeyID())
                .x509CertThumbprint(jwk.getX509CertThumbprint()).x509CertSHA256Thumbprint(jwk.getX509CertSHA256Thumbprint())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(header, claims.toJWTClaimsSet());
            jwt.sign(new RSASSASigner(jwk));
            return new PrivateKeyJWT(jwt);
        } catch (JOSEException e) {
            throw new LanyardException(ErrorCode.SIGNING_KEY_UNUSABLE, "Lanyard's signing key " + jwk.getKeyID()
                    + " cannot sign (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Makes sure an assertion can be signed (the key file exists or can be made, and can be read), so that nobody is
     * sent to a provider Lanyard could not finish the login with.
     *
     * @throws LanyardException {@code SIGNING_KEY_UNUSABLE}
     */
    public void requireUsable() {
        keys();
    }

    /** The public keys every provider may use to check Lanyard's assertions: the next, the active and the retired. */
    public String publicJwks() {
        return new JWKSet(keys().keys().stream().map(key -> (JWK) key.jwk().toPublicJWK()).toList()).toString();
    }

    /** Every key as administrators see it, the active one first; nothing private. */
    public List<SigningKeyView> describe() {
        SigningKeySet keys = keys();
        return keys.keys().stream()
                .sorted((a, b) -> Integer.compare(order(a.state()), order(b.state())))
                .map(SigningKeyView::of).toList();
    }

    /** Whether keys can be kept here at all, and if not, why. */
    public Optional<String> whyUnavailable() {
        return Optional.ofNullable(whyNone);
    }

    /** Rotation, step 1: a new key, published at once, signing nothing yet. Nothing happens if one is published. */
    public SigningKeyView publishNext() {
        SigningKeySet after = change(keys -> keys.withNext(newKey(clock.instant())));
        return SigningKeyView.of(after.next().orElseThrow());
    }

    /**
     * Rotation, step 2: sign with the published next key from now on; the previous key is retired and stays
     * published for {@link #RETIRED_KEY_PUBLISHED_FOR}.
     *
     * @throws IllegalStateException if no next key is published
     */
    public SigningKeyView activateNext() {
        if (keys().next().isEmpty()) {
            throw new IllegalStateException("no next key is published: publish one first");
        }
        return SigningKeyView.of(change(keys -> keys.next().isPresent() ? keys.activateNext(clock.instant()) : keys)
                .active());
    }

    private static int order(State state) {
        return switch (state) {
            case ACTIVE -> 0;
            case PUBLISHED -> 1;
            case RETIRED -> 2;
        };
    }

    private SigningKeySet change(UnaryOperator<SigningKeySet> step) {
        SigningKeyFile keyFile = requireFile();
        keys(); // the first key exists before it can be rotated
        SigningKeySet after = keyFile.update(keys -> step.apply(keys)
                .withoutExpired(clock.instant(), RETIRED_KEY_PUBLISHED_FOR));
        loaded = new Loaded(after, keyFile.lastModified(), clock.instant());
        return after;
    }

    /**
     * The keys as the file holds them, read again when it changed (another node's rotation); made on first use.
     * Retired keys past their time are left out (and removed at the next change).
     */
    SigningKeySet keys() {
        SigningKeyFile keyFile = requireFile();
        Loaded held = loaded;
        Instant now = clock.instant();
        if (held != null && held.readAt().plus(RELOAD_INTERVAL).isAfter(now)) {
            return held.keys().withoutExpired(now, RETIRED_KEY_PUBLISHED_FOR);
        }
        synchronized (this) {
            held = loaded;
            Optional<FileTime> modified = keyFile.lastModified();
            if (held == null || !held.modified().equals(modified)) {
                SigningKeySet read = keyFile.read().orElseGet(() -> keyFile.create(SigningKeySet.first(newKey(now))));
                held = new Loaded(read, keyFile.lastModified(), now);
            } else {
                held = new Loaded(held.keys(), modified, now);
            }
            loaded = held;
            return held.keys().withoutExpired(now, RETIRED_KEY_PUBLISHED_FOR);
        }
    }

    private SigningKeyFile requireFile() {
        return file.orElseThrow(() -> new LanyardException(ErrorCode.SIGNING_KEY_UNUSABLE,
                "Lanyard has no signing key: " + whyNone));
    }

    /** A new RSA key pair with its certificate, valid from a day ago (clock differences) for two years. */
    private SigningKey newKey(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, random);
            KeyPair pair = generator.generateKeyPair();
            byte[] certificate = SelfSignedCertificate.create(pair, commonName, now.minus(Duration.ofDays(1)),
                    now.plus(CERTIFICATE_VALIDITY), random);
            RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint()
                    .x509CertChain(List.of(Base64.encode(certificate)))
                    .x509CertThumbprint(Base64URL.encode(Certificates.digest("SHA-1", certificate)))
                    .x509CertSHA256Thumbprint(Base64URL.encode(Certificates.digest("SHA-256", certificate)))
                    .build();
            return new SigningKey(jwk, State.PUBLISHED, now, Optional.empty(), Optional.empty());
        } catch (GeneralSecurityException | JOSEException e) {
            throw new LanyardException(ErrorCode.SIGNING_KEY_UNUSABLE, "Lanyard cannot make a signing key ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * One key as the admin pages show it.
     *
     * @param keyId          its {@code kid}
     * @param state          {@code ACTIVE}, {@code PUBLISHED} (the next key) or {@code RETIRED}
     * @param created        when it was made and published
     * @param activated      when it started signing
     * @param retired        when it stopped signing
     * @param certificatePem the certificate to upload where a provider takes one (Entra ID)
     * @param sha1Thumbprint the certificate's thumbprint, as Entra ID shows it
     * @param notAfter       when the certificate expires
     */
    public record SigningKeyView(String keyId, String state, Instant created, Optional<Instant> activated,
            Optional<Instant> retired, String certificatePem, String sha1Thumbprint, Instant notAfter) {

        static SigningKeyView of(SigningKey key) {
            X509Certificate certificate = key.certificate();
            return new SigningKeyView(key.keyId(), key.state().name(), key.created(), key.activated(), key.retired(),
                    Certificates.pem(certificate), Certificates.sha1Thumbprint(certificate),
                    certificate.getNotAfter().toInstant());
        }
    }
}
