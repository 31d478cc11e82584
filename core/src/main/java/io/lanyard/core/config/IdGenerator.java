package io.lanyard.core.config;

import java.security.SecureRandom;

/**
 * New ids for identity providers and connectors. They appear in property names (the client secret's
 * per-id environment variable) and in the callback URL, so they use letters and digits only; they are random
 * rather than counted so that ids stay unique across the nodes of a cluster and across restored backups.
 */
public final class IdGenerator {

    private static final String LETTERS_AND_DIGITS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_CASE_LETTERS_AND_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int IDENTITY_PROVIDER_ID_LENGTH = 20;
    private static final int CONNECTOR_ID_LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private IdGenerator() {
    }

    /** 20 letters and digits, e.g. {@code GOxXFuPXJgiyAwuXugVG}. */
    public static String newIdentityProviderId() {
        return randomString(LETTERS_AND_DIGITS, IDENTITY_PROVIDER_ID_LENGTH);
    }

    /** 12 lower-case letters and digits, e.g. {@code wdlfqm6se9un}. */
    public static String newConnectorId() {
        return randomString(LOWER_CASE_LETTERS_AND_DIGITS, CONNECTOR_ID_LENGTH);
    }

    private static String randomString(String alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // nextInt(bound) is unbiased, so every character is equally likely.
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
