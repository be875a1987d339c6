package dev.polychat.core.dynamo;

import dev.polychat.core.domain.PresenceStatus;
import java.time.Instant;

/**
 * A user's stored presence. The stored status is what the last writer said; readers use
 * {@link #effectiveStatus}, because an item outlives its expiry until TTL or the sweep
 * removes it.
 */
public record PresenceRecord(String userId, PresenceStatus status, Instant lastSeenAt,
        Instant expiresAt) {

    /** OFFLINE once the item has expired, whatever status it says; otherwise its status. */
    public PresenceStatus effectiveStatus(Instant now) {
        return now.isBefore(expiresAt) ? status : PresenceStatus.OFFLINE;
    }
}
