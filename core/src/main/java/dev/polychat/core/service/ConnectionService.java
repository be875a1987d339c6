package dev.polychat.core.service;

import dev.polychat.core.domain.Identity;
import dev.polychat.core.domain.Ids;
import dev.polychat.core.domain.PresenceStatus;
import dev.polychat.core.dynamo.ConnectionRecord;
import dev.polychat.core.dynamo.ConnectionStore;
import dev.polychat.core.dynamo.Subscriber;
import dev.polychat.core.dynamo.SubscriptionStore;
import dev.polychat.core.sql.RoomRepository;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** WebSocket connections coming and going, and connections found gone while posting. */
public final class ConnectionService {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionService.class);

    private final ConnectionStore connections;
    private final SubscriptionStore subscriptions;
    private final RoomRepository rooms;
    private final PresenceService presence;

    public ConnectionService(ConnectionStore connections, SubscriptionStore subscriptions,
            RoomRepository rooms, PresenceService presence) {
        this.connections = connections;
        this.subscriptions = subscriptions;
        this.rooms = rooms;
        this.presence = presence;
    }

    /** Registers the connection and subscribes it to every room its user is in. */
    public void connected(String connectionId, Identity user, Instant now) {
        connections.put(new ConnectionRecord(connectionId, user.userId(), now));

        // Announce before subscribing: API Gateway answers 410 to posts to a connection whose
        // $connect has not returned yet, and a 410 makes the fan-out remove the connection.
        presence.beat(user.userId(), PresenceStatus.ONLINE, now);

        List<String> roomIds = rooms.roomIdsOf(Ids.parse(user.userId(), "user"));
        if (!roomIds.isEmpty()) {
            subscriptions.subscribeAll(roomIds, connectionId, user.userId(), expiry(now));
        }
        LOG.debug("connection {} of user {} joined {} rooms", connectionId, user.userId(),
                roomIds.size());
    }

    /** Removes the connection and its subscriptions; the user may now be offline. */
    public void disconnected(String connectionId, String userId, Instant now) {
        subscriptions.removeConnection(connectionId, now);
        connections.delete(connectionId);
        presence.connectionClosed(userId, connectionId, now);
    }

    /** Connections that answered 410 to a post: they are gone without a close. */
    public void gone(List<Subscriber> goneConnections, Instant now) {
        for (Subscriber gone : goneConnections) {
            LOG.info("connection {} is gone; removing it", gone.connectionId());
            disconnected(gone.connectionId(), gone.userId(), now);
        }
    }

    /** Subscriptions live as long as the longest a connection may. */
    static Instant expiry(Instant now) {
        return now.plus(ConnectionStore.MAX_LIFETIME).plusSeconds(600);
    }
}
