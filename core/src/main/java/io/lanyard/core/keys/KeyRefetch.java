package io.lanyard.core.keys;

/**
 * What a token whose key id is not among the keys held may cause: the provider's keys rotate, so such a token makes
 * Lanyard fetch the key set again, how soon depending on where the token came from.
 */
public enum KeyRefetch {

    /**
     * A token from the provider itself, over the back channel (an ID token from its token endpoint, a signed userinfo
     * response): its key id is news from the provider, so the keys are fetched again at once, however recent the last
     * fetch, and a provider that rotates its keys does not get its users refused meanwhile. Still one fetch at a time.
     */
    AT_ONCE,

    /**
     * A token a client presents (a bearer token, a logout token): anyone can make one up with a bogus key id, so the
     * keys are fetched again at most once per {@link JwksSource#MIN_FETCH_INTERVAL}, and a flood of such tokens
     * cannot hammer the provider.
     */
    RATE_LIMITED
}
