package dev.polychat.core.domain;

/** A stored chat message; {@code seq} is per room, gapless and in commit order. */
public record Message(
        String id,
        String roomId,
        long seq,
        String senderId,
        String senderName,
        String body,
        String clientMsgId,
        String createdAt) {
}
