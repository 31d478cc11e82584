package io.lanyard.core.token;

import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.signing.SigningKeys;
import java.net.URI;
import java.util.Objects;

/**
 * How Lanyard proves who it is at a token endpoint: with a client secret (RFC 6749 §2.3.1), or with a JWT signed by
 * its own key (RFC 7523 §2.2, OpenID Connect Core §9 {@code private_key_jwt}). Never prints a secret.
 */
public sealed interface ClientCredential {

    /** One token request with one credential. */
    @FunctionalInterface
    interface Attempt<T, E extends Exception> {
        T with(ClientCredential credential) throws E;
    }

    /** The client authentication of one token request; a new assertion each time. */
    ClientAuthentication authentication(String clientId);

    /** The code of an {@code invalid_client} answer to this credential. */
    ErrorCode refusedCode();

    /** A client secret, sent as the method says ({@code client_secret_basic} or {@code client_secret_post}). */
    record SharedSecret(Secret secret, ClientAuthMethod method) implements ClientCredential {

        public SharedSecret {
            Objects.requireNonNull(secret, "secret");
            if (!method.usesClientSecret()) {
                throw new IllegalArgumentException(method.wireName() + " sends no client secret");
            }
        }

        @Override
        public ClientAuthentication authentication(String clientId) {
            com.nimbusds.oauth2.sdk.auth.Secret revealed = new com.nimbusds.oauth2.sdk.auth.Secret(secret.reveal());
            return method == ClientAuthMethod.CLIENT_SECRET_BASIC ? new ClientSecretBasic(new ClientID(clientId), revealed)
                    : new ClientSecretPost(new ClientID(clientId), revealed);
        }

        @Override
        public ErrorCode refusedCode() {
            return ErrorCode.CLIENT_AUTHENTICATION_FAILED;
        }

        @Override
        public String toString() {
            return "SharedSecret[" + method.wireName() + ", fingerprint " + secret.fingerprint() + "]";
        }
    }

    /**
     * A client assertion signed with Lanyard's active key (or, with {@code previousKey}, the key retired last), for
     * {@code audience}: the token endpoint, or the issuer where the provider wants that.
     */
    record SignedAssertion(SigningKeys keys, URI audience, boolean previousKey) implements ClientCredential {

        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SignedAssertion.class);

        public SignedAssertion {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(audience, "audience");
        }

        public SignedAssertion(SigningKeys keys, URI audience) {
            this(keys, audience, false);
        }

        /**
         * Authenticates with the active key; when the provider refuses the assertion while a key was retired recently
         * (it has not fetched the new key yet: Keycloak fetches a client's keys at most every ten seconds), once more
         * with that key, which is still published. Rotation with overlap then fails no login.
         *
         * @param attempt one token request with a credential
         * @param refused whether a failure is the provider refusing the assertion
         */
        public <T, E extends Exception> T authenticate(String clientId, Class<E> failureType, Attempt<T, E> attempt,
                java.util.function.Predicate<? super E> refused) throws E {
            try {
                return attempt.with(this);
            } catch (Exception e) {
                if (!failureType.isInstance(e)) {
                    throw (RuntimeException) e;
                }
                E failure = failureType.cast(e);
                java.util.Optional<String> previous = previousKey ? java.util.Optional.empty()
                        : keys.recentlyRetiredKeyId();
                if (previous.isEmpty() || !refused.test(failure)) {
                    throw failure;
                }
                T result = attempt.with(new SignedAssertion(keys, audience, true));
                LOG.warn("The provider at {} refused client {}'s "
                        + "assertion signed with Lanyard's new key and accepted it signed with the key retired last ({}): "
                        + "it has not fetched the new key from the JWKS URL yet (or its certificate is not uploaded). "
                        + "The old key stays published for {} minutes after its retirement", audience, clientId,
                        previous.get(), SigningKeys.RETIRED_KEY_PUBLISHED_FOR.toMinutes());
                return result;
            }
        }

        @Override
        public ClientAuthentication authentication(String clientId) {
            return previousKey ? keys.previousKeyAssertion(clientId, audience).orElseThrow(
                    () -> new IllegalStateException("no key was retired recently")) : keys.clientAssertion(clientId, audience);
        }

        @Override
        public ErrorCode refusedCode() {
            return ErrorCode.CLIENT_ASSERTION_REFUSED;
        }

        @Override
        public String toString() {
            return "SignedAssertion[aud=" + audience + (previousKey ? ", the key retired last" : "") + "]";
        }
    }
}
