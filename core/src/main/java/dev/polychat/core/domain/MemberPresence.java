package dev.polychat.core.domain;

/** A room member with their presence, as {@code GET /api/rooms/{id}/presence} lists them. */
public record MemberPresence(
        String userId,
        String username,
        String displayName,
        String status,
        String lastSeenAt) {
}
