package dev.polychat.local.websocket;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Connection ids in API Gateway's shape ({@code L0SM9cOFvHcCIhw=}: 11 random bytes in base64,
 * 16 characters ending in {@code =}), but from the URL-safe alphabet: the ids travel in the
 * {@code @connections/{id}} path, and Jetty refuses an encoded slash there.
 */
final class ConnectionIds {
    private static final int RANDOM_BYTES = 11;

    private final SecureRandom random = new SecureRandom();
    private final Base64.Encoder encoder = Base64.getUrlEncoder();

    String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return encoder.encodeToString(bytes);
    }
}
