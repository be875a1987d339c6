package dev.polychat.core.dynamo;

import dev.polychat.core.domain.PresenceStatus;

/**
 * What a heartbeat did: the effective status before and after it, and whether it cost a write.
 * A change is what gets announced to the user's rooms.
 */
public record HeartbeatResult(PresenceStatus previous, PresenceStatus current, boolean written) {
    public boolean changed() {
        return previous != current;
    }
}
