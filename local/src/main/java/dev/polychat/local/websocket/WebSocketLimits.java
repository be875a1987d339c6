package dev.polychat.local.websocket;

import java.time.Duration;

/**
 * API Gateway's WebSocket quotas, kept locally so clients meet them on a laptop too.
 *
 * @param idleTimeout a connection that sends nothing this long is closed (10 minutes)
 * @param maxLifetime a connection is closed this long after it opened (2 hours)
 */
public record WebSocketLimits(Duration idleTimeout, Duration maxLifetime) {
    public static final int MAX_FRAME_BYTES = 32 * 1024;
    public static final int MAX_MESSAGE_BYTES = 128 * 1024;
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration MAX_LIFETIME = Duration.ofHours(2);

    public WebSocketLimits {
        if (idleTimeout.isNegative() || idleTimeout.isZero()
                || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("WebSocket limits must be positive");
        }
    }

    public static WebSocketLimits apiGateway() {
        return new WebSocketLimits(IDLE_TIMEOUT, MAX_LIFETIME);
    }
}
