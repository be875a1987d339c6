package dev.polychat.core.dynamo;

import java.time.Instant;

/** An open WebSocket connection and the user who opened it. */
public record ConnectionRecord(String connectionId, String userId, Instant connectedAt) {
}
