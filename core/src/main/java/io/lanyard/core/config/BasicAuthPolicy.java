package io.lanyard.core.config;

import java.util.List;
import java.util.Locale;

/**
 * The side door of issue 16: HTTP Basic authentication (a password over the REST API, or git over HTTPS) lets a person
 * whose sign-in needs the identity provider's MFA bypass it. When {@link #refuseForManagedAccounts()} is on, Basic
 * authentication of an account Lanyard manages (created or linked by a provider, or a service account) is refused,
 * except for the accounts, group members and source addresses listed here. Off by default, which is what Lanyard did
 * before the setting existed.
 *
 * @param refuseForManagedAccounts whether Basic authentication of managed accounts is refused
 * @param exceptAccounts           usernames that may still use it (compared as the products compare them: ignoring case)
 * @param exceptGroups             members of these groups may still use it
 * @param exceptAddresses          requests from these ranges may still use it (the client's address as
 *                                 {@code trustedProxies} vouch for it)
 * @param trustedProxies           proxies whose {@code X-Forwarded-For} hop is believed; a client's own header never is
 */
public record BasicAuthPolicy(boolean refuseForManagedAccounts, List<String> exceptAccounts, List<String> exceptGroups,
        List<AddressRange> exceptAddresses, List<AddressRange> trustedProxies) {

    public BasicAuthPolicy {
        exceptAccounts = List.copyOf(exceptAccounts);
        exceptGroups = List.copyOf(exceptGroups);
        exceptAddresses = List.copyOf(exceptAddresses);
        trustedProxies = List.copyOf(trustedProxies);
    }

    static BasicAuthPolicy defaults() {
        return new BasicAuthPolicy(false, List.of(), List.of(), List.of(), List.of());
    }

    /** Whether {@code username} is on the list of excepted accounts. */
    public boolean exceptsAccount(String username) {
        for (String account : exceptAccounts) {
            if (account.equalsIgnoreCase(username)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code address} (4 or 16 bytes) lies in an excepted range. */
    public boolean exceptsAddress(byte[] address) {
        for (AddressRange range : exceptAddresses) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The lower-case form usernames are compared in (the products compare them ignoring case). */
    public static String usernameKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
