package dev.polychat.core.service;

import dev.polychat.core.domain.Identity;
import dev.polychat.core.domain.Ids;
import dev.polychat.core.domain.Message;
import dev.polychat.core.domain.Room;
import dev.polychat.core.domain.Validation;
import dev.polychat.core.dynamo.RateLimiter;
import dev.polychat.core.dynamo.Subscriber;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.error.ErrorCode;
import dev.polychat.core.realtime.Events;
import dev.polychat.core.realtime.Fanout;
import dev.polychat.core.sql.MessageRepository;
import dev.polychat.core.sql.RoomRepository;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a connected client does in rooms: send, join, leave, type. */
public final class ChatService {
    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

    private final MessageRepository messages;
    private final RoomRepository rooms;
    private final Membership membership;
    private final RateLimiter rateLimiter;
    private final Supplier<Fanout> fanout;

    public ChatService(MessageRepository messages, RoomRepository rooms, Membership membership,
            RateLimiter rateLimiter, Supplier<Fanout> fanout) {
        this.messages = messages;
        this.rooms = rooms;
        this.membership = membership;
        this.rateLimiter = rateLimiter;
        this.fanout = fanout;
    }

    /** A message to send, as the client framed it. */
    public record Send(String roomId, String clientMsgId, String body) {
    }

    /**
     * Stores the message (or finds the one already stored under its clientMsgId) and delivers
     * it to the room, the sender's own connections included. Returns the ack for the sender.
     * A resend delivers the original to the sending connection only: the others had it.
     */
    public String send(String connectionId, Identity sender, Send request, Instant now) {
        String clientMsgId = Validation.clientMsgId(request.clientMsgId());
        String body = Validation.body(request.body());
        if (request.roomId() == null) {
            throw ChatException.badRequest("roomId", "is required");
        }
        if (!rateLimiter.tryAcquire(connectionId, now)) {
            throw new ChatException(ErrorCode.RATE_LIMITED, "too many messages; slow down");
        }
        MessageRepository.Sent sent = messages.send(Ids.parse(request.roomId(), "room"),
                Ids.parse(sender.userId(), "user"), clientMsgId, body);
        Message message = sent.message();
        if (sent.created()) {
            Fanout.Result result = fanout.get().toRoom(message.roomId(), Events.message(message),
                    subscriber -> true);
            LOG.debug("message {} seq {} in room {} delivered to {}", message.id(), message.seq(),
                    message.roomId(), result.delivered());
        } else {
            fanout.get().toConnection(new Subscriber(connectionId, sender.userId()),
                    Events.message(message));
        }
        return Events.ack(message);
    }

    public String join(Identity user, String roomId, Instant now) {
        Room room = membership.join(user, required("roomId", roomId), now);
        return Events.joined(room.id());
    }

    public String leave(Identity user, String roomId, Instant now) {
        membership.leave(user, required("roomId", roomId), now);
        return Events.left(roomId);
    }

    /** Tells the room's other connections that the user is typing; nothing is stored. */
    public void typing(String connectionId, Identity user, String roomId) {
        Room room = rooms.find(Ids.parse(required("roomId", roomId), "room"),
                Ids.parse(user.userId(), "user"))
                .orElseThrow(() -> ChatException.notFound("room"));
        if (!room.member()) {
            throw ChatException.forbidden("not a member of this room");
        }
        fanout.get().toRoom(room.id(), Events.typing(room.id(), user.userId(),
                user.displayName()), subscriber -> !subscriber.connectionId().equals(connectionId));
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ChatException.badRequest(field, "is required");
        }
        return value;
    }
}
