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
     * A client assertion signed with Lanyard's active key, for {@code audience}: the token endpoint, or the issuer
     * where the provider wants that.
     */
    record SignedAssertion(SigningKeys keys, URI audience) implements ClientCredential {

        public SignedAssertion {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(audience, "audience");
        }

        @Override
        public ClientAuthentication authentication(String clientId) {
            return keys.clientAssertion(clientId, audience);
        }

        @Override
        public ErrorCode refusedCode() {
            return ErrorCode.CLIENT_ASSERTION_REFUSED;
        }

        @Override
        public String toString() {
            return "SignedAssertion[aud=" + audience + "]";
        }
    }
}
