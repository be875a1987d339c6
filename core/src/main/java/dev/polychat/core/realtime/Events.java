package dev.polychat.core.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polychat.core.domain.Message;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The server → client events of the contract, as the JSON text of one frame each. */
public final class Events {
    private Events() {
    }

    public static String message(Message message) {
        ObjectNode event = typed("message");
        event.set("message", Json.mapper().valueToTree(message));
        return Json.write(event);
    }

    public static String ack(Message message) {
        ObjectNode event = typed("ack")
                .put("clientMsgId", message.clientMsgId())
                .put("messageId", message.id())
                .put("seq", message.seq())
                .put("roomId", message.roomId());
        return Json.write(event);
    }

    public static String joined(String roomId) {
        return Json.write(typed("joined").put("roomId", roomId));
    }

    public static String left(String roomId) {
        return Json.write(typed("left").put("roomId", roomId));
    }

    public static String typing(String roomId, String userId, String displayName) {
        return Json.write(typed("typing").put("roomId", roomId).put("userId", userId)
                .put("displayName", displayName));
    }

    public static String presence(String userId, String status, Instant lastSeenAt) {
        return Json.write(typed("presence").put("userId", userId).put("status", status)
                .put("lastSeenAt", lastSeenAt == null ? null : wire(lastSeenAt)));
    }

    public static String pong(Instant serverTime) {
        return Json.write(typed("pong").put("serverTime", wire(serverTime)));
    }

    /** Times on the wire have milliseconds, as REST answers do. */
    private static String wire(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** An error event, echoing {@code action} and {@code clientMsgId} when the frame had them. */
    public static String error(ChatException error, String action, String clientMsgId) {
        ObjectNode event = typed("error")
                .put("code", error.code().code())
                .put("message", error.getMessage());
        if (action != null) {
            event.put("action", action);
        }
        if (clientMsgId != null) {
            event.put("clientMsgId", clientMsgId);
        }
        return Json.write(event);
    }

    private static ObjectNode typed(String type) {
        return Json.object().put("type", type);
    }
}
