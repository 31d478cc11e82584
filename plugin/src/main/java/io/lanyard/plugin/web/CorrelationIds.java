package io.lanyard.plugin.web;

import java.security.SecureRandom;

/**
 * Short random ids that tie an error page to its log line. Ten base32 characters (50 bits) are easy to read out
 * over the phone and unique enough for a log; they carry no information about the request.
 */
final class CorrelationIds {

    static final int LENGTH = 10;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = BASE32[random.nextInt(BASE32.length)];
        }
        return new String(id);
    }
}
