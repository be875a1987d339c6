package dev.polychat.core.domain;

import java.util.Locale;
import java.util.Optional;

/** A user's presence as the contract spells it. */
public enum PresenceStatus {
    ONLINE, AWAY, OFFLINE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a client may report in a heartbeat: online or away, nothing else. */
    public static Optional<PresenceStatus> reportable(String wire) {
        if ("online".equals(wire)) {
            return Optional.of(ONLINE);
        }
        if ("away".equals(wire)) {
            return Optional.of(AWAY);
        }
        return Optional.empty();
    }

    public static PresenceStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
