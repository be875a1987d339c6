package dev.polychat.core.service;

import dev.polychat.core.domain.Identity;
import dev.polychat.core.domain.Ids;
import dev.polychat.core.domain.Room;
import dev.polychat.core.dynamo.ConnectionRecord;
import dev.polychat.core.dynamo.ConnectionStore;
import dev.polychat.core.dynamo.SubscriptionStore;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.sql.RoomRepository;
import java.time.Instant;
import java.util.UUID;

/**
 * Joining and leaving rooms, by REST or over the socket alike: the membership in PostgreSQL
 * and, so that live events follow at once, the subscriptions of the user's open connections.
 */
public final class Membership {
    private final RoomRepository rooms;
    private final ConnectionStore connections;
    private final SubscriptionStore subscriptions;

    public Membership(RoomRepository rooms, ConnectionStore connections,
            SubscriptionStore subscriptions) {
        this.rooms = rooms;
        this.connections = connections;
        this.subscriptions = subscriptions;
    }

    /** Joins a public room (idempotent); a private room the user is not in is forbidden. */
    public Room join(Identity user, String roomId, Instant now) {
        UUID room = Ids.parse(roomId, "room");
        UUID userId = Ids.parse(user.userId(), "user");
        Room found = rooms.find(room, userId).orElseThrow(() -> ChatException.notFound("room"));
        if (!found.member()) {
            if (found.isPrivate()) {
                throw ChatException.forbidden("this room is private");
            }
            rooms.addMember(room, userId);
        }
        subscribeConnections(roomId, user.userId(), now);
        return withMember(found, true);
    }

    /** Leaves the room; leaving a room one is not in changes nothing. */
    public void leave(Identity user, String roomId, Instant now) {
        UUID room = Ids.parse(roomId, "room");
        UUID userId = Ids.parse(user.userId(), "user");
        Room found = rooms.find(room, userId).orElseThrow(() -> ChatException.notFound("room"));
        if (found.isPrivate() && !found.member()) {
            throw ChatException.notFound("room");
        }
        rooms.removeMember(room, userId);
        for (ConnectionRecord connection : connections.byUser(user.userId(), now)) {
            subscriptions.unsubscribe(roomId, connection.connectionId());
        }
    }

    /** Subscribes every open connection of the user to the room. */
    public void subscribeConnections(String roomId, String userId, Instant now) {
        for (ConnectionRecord connection : connections.byUser(userId, now)) {
            subscriptions.subscribe(roomId, connection.connectionId(), userId,
                    ConnectionService.expiry(connection.connectedAt()));
        }
    }

    static Room withMember(Room room, boolean member) {
        return new Room(room.id(), room.name(), room.topic(), room.isPrivate(), room.createdAt(),
                room.lastSeq(), member);
    }
}
