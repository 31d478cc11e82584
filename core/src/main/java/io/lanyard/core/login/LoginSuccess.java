package io.lanyard.core.login;

import io.lanyard.core.host.HostUser;
import io.lanyard.core.session.LanyardSession;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified login mapped to a host account: log {@code user} into the host, then send the browser to
 * {@code returnPath} (relative to the host's base URL).
 *
 * @param user               the host account
 * @param identityProviderId the provider that authenticated the user
 * @param subject            the provider's {@code sub} for the user
 * @param returnPath         validated return path, relative to the base URL, starting with {@code /}
 * @param idToken            the raw ID token, kept only for a later {@code id_token_hint}; never logged
 * @param claims             the validated claims the user was mapped from: the ID token's, overlaid with userinfo's
 *                           when configured (for the host's use, such as group membership); unmodifiable
 * @param session            what the host session keeps of this login: the provider session it belongs to, the end of
 *                           its lifetime, the ID token for a logout at the provider
 * @param reauthentication   whether this was the re-authentication (WebSudo) of the person already signed in, who
 *                           must not be logged in again but have the product's WebSudo session started
 */
public record LoginSuccess(HostUser user, String identityProviderId, String subject, String returnPath, String idToken,
        Map<String, Object> claims, LanyardSession session, boolean reauthentication) {

    public LoginSuccess {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(identityProviderId, "identityProviderId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(returnPath, "returnPath");
        Objects.requireNonNull(idToken, "idToken");
        // a copy that keeps null values (userinfo may send "claim": null), which Map.copyOf refuses
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(claims, "claims")));
        Objects.requireNonNull(session, "session");
    }

    /** A login whose provider session, issuer and time nobody asks about (tests of the host's edge). */
    public LoginSuccess(HostUser user, String identityProviderId, String subject, String returnPath, String idToken,
            Map<String, Object> claims) {
        this(user, identityProviderId, subject, returnPath, idToken, claims, LanyardSession.of(identityProviderId, "",
                subject, Optional.empty(), Instant.EPOCH, Optional.empty(), idToken), false);
    }

    /** A login (not a re-authentication). */
    public LoginSuccess(HostUser user, String identityProviderId, String subject, String returnPath, String idToken,
            Map<String, Object> claims, LanyardSession session) {
        this(user, identityProviderId, subject, returnPath, idToken, claims, session, false);
    }

    @Override
    public String toString() {
        return "LoginSuccess[user=" + user.username() + ", idp=" + identityProviderId + ", returnPath=" + returnPath + "]";
    }
}
