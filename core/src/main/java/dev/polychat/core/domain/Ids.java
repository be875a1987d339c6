package dev.polychat.core.domain;

import dev.polychat.core.error.ChatException;
import java.util.Optional;
import java.util.UUID;

/** Ids are opaque strings to clients; inside they are UUIDs, and a malformed one is unknown. */
public final class Ids {
    private Ids() {
    }

    public static UUID parse(String id, String what) {
        return tryParse(id).orElseThrow(() -> ChatException.notFound(what));
    }

    public static Optional<UUID> tryParse(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
