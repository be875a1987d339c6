package dev.polychat.core.service;

import dev.polychat.core.domain.Identity;
import dev.polychat.core.domain.Ids;
import dev.polychat.core.domain.MemberPresence;
import dev.polychat.core.domain.PresenceStatus;
import dev.polychat.core.domain.Room;
import dev.polychat.core.domain.User;
import dev.polychat.core.domain.Validation;
import dev.polychat.core.dynamo.PresenceRecord;
import dev.polychat.core.dynamo.PresenceStore;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.sql.MessageRepository;
import dev.polychat.core.sql.RoomRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** The REST side of rooms: create, list, read, join, leave, history and presence. */
public final class RoomService {
    private final RoomRepository rooms;
    private final MessageRepository messages;
    private final Supplier<PresenceStore> presence;
    private final Supplier<Membership> membership;

    /**
     * Presence and membership come as suppliers: they need the DynamoDB client, which history
     * pages never use, and building it is a good part of a cold start.
     */
    public RoomService(RoomRepository rooms, MessageRepository messages,
            Supplier<PresenceStore> presence, Supplier<Membership> membership) {
        this.rooms = rooms;
        this.messages = messages;
        this.presence = presence;
        this.membership = membership;
    }

    public Room create(Identity creator, String name, String topic, boolean isPrivate,
            Instant now) {
        Room room = rooms.create(Ids.parse(creator.userId(), "user"), Validation.roomName(name),
                Validation.topic(topic), isPrivate);
        membership.get().subscribeConnections(room.id(), creator.userId(), now);
        return room;
    }

    public List<Room> visibleTo(Identity user) {
        return rooms.visibleTo(Ids.parse(user.userId(), "user"));
    }

    /** The room; a private one the caller is not in does not exist for them. */
    public Room get(Identity user, String roomId) {
        Room room = rooms.find(Ids.parse(roomId, "room"), Ids.parse(user.userId(), "user"))
                .orElseThrow(() -> ChatException.notFound("room"));
        if (room.isPrivate() && !room.member()) {
            throw ChatException.notFound("room");
        }
        return room;
    }

    public Room join(Identity user, String roomId, Instant now) {
        return membership.get().join(user, roomId, now);
    }

    public void leave(Identity user, String roomId, Instant now) {
        membership.get().leave(user, roomId, now);
    }

    /** Newest first before {@code before} or from the newest; oldest first after {@code after}. */
    public MessageRepository.Page messages(Identity user, String roomId, Long before, Long after,
            int limit) {
        UUID room = requireMember(user, roomId);
        return after != null ? messages.after(room, after, limit)
                : messages.before(room, before, limit);
    }

    public List<MemberPresence> presence(Identity user, String roomId, Instant now) {
        UUID room = requireMember(user, roomId);
        List<User> members = rooms.members(room);
        Map<String, PresenceRecord> known = presence.get().getAll(
                members.stream().map(User::id).toList());
        return members.stream().map(member -> {
            PresenceRecord record = known.get(member.id());
            PresenceStatus status = record == null ? PresenceStatus.OFFLINE
                    : record.effectiveStatus(now);
            String lastSeen = record == null || record.lastSeenAt() == null ? null
                    : record.lastSeenAt().toString();
            return new MemberPresence(member.id(), member.username(), member.displayName(),
                    status.wire(), lastSeen);
        }).toList();
    }

    private UUID requireMember(Identity user, String roomId) {
        UUID room = Ids.parse(roomId, "room");
        Room found = rooms.find(room, Ids.parse(user.userId(), "user"))
                .orElseThrow(() -> ChatException.notFound("room"));
        if (!found.member()) {
            throw ChatException.forbidden("not a member of this room");
        }
        return room;
    }
}
