package dev.polychat.core.service;

import dev.polychat.core.domain.Ids;
import dev.polychat.core.domain.PresenceStatus;
import dev.polychat.core.dynamo.ConnectionRecord;
import dev.polychat.core.dynamo.ConnectionStore;
import dev.polychat.core.dynamo.HeartbeatResult;
import dev.polychat.core.dynamo.PresenceRecord;
import dev.polychat.core.dynamo.PresenceStore;
import dev.polychat.core.dynamo.Subscriber;
import dev.polychat.core.dynamo.SubscriptionStore;
import dev.polychat.core.realtime.Events;
import dev.polychat.core.realtime.Fanout;
import dev.polychat.core.sql.RoomRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is online. Heartbeats keep a user online or away; the last connection closing or the
 * user going silent makes them offline. Each change is announced once to every connection
 * subscribed to a room the user is in.
 */
public final class PresenceService {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceService.class);
    private static final int SWEEP_BATCH = 500;

    private final PresenceStore presence;
    private final ConnectionStore connections;
    private final SubscriptionStore subscriptions;
    private final RoomRepository rooms;
    private final Supplier<Fanout> fanout;

    public PresenceService(PresenceStore presence, ConnectionStore connections,
            SubscriptionStore subscriptions, RoomRepository rooms, Supplier<Fanout> fanout) {
        this.presence = presence;
        this.connections = connections;
        this.subscriptions = subscriptions;
        this.rooms = rooms;
        this.fanout = fanout;
    }

    /** A heartbeat from one of the user's connections. */
    public HeartbeatResult beat(String userId, PresenceStatus status, Instant now) {
        HeartbeatResult result = presence.beat(userId, status, now);
        if (result.changed()) {
            announce(userId, result.current(), now, now);
        }
        return result;
    }

    /** One of the user's connections closed; offline if it was their last. */
    public void connectionClosed(String userId, String closedConnectionId, Instant now) {
        // The user index is eventually consistent: it may still list the closed connection.
        boolean othersOpen = connections.byUser(userId, now).stream()
                .map(ConnectionRecord::connectionId)
                .anyMatch(id -> !id.equals(closedConnectionId));
        if (!othersOpen && presence.markOffline(userId, now, now, null)) {
            announce(userId, PresenceStatus.OFFLINE, now, now);
        }
    }

    /** Announces users who went silent; returns how many went offline. */
    public int sweep(Instant now) {
        int offline = 0;
        for (PresenceRecord silent : presence.expired(now, SWEEP_BATCH)) {
            if (presence.markOffline(silent.userId(), silent.lastSeenAt(), now,
                    silent.expiresAt())) {
                announce(silent.userId(), PresenceStatus.OFFLINE, silent.lastSeenAt(), now);
                offline++;
            }
        }
        if (offline > 0) {
            LOG.info("presence sweep: {} silent users now offline", offline);
        }
        return offline;
    }

    private void announce(String userId, PresenceStatus status, Instant lastSeenAt,
            Instant now) {
        List<Subscriber> audience = new ArrayList<>();
        for (String roomId : rooms.roomIdsOf(Ids.parse(userId, "user"))) {
            subscriptions.forEachPage(roomId, Fanout.PAGE_SIZE, now, audience::addAll);
        }
        if (!audience.isEmpty()) {
            fanout.get().toSubscribers(audience, Events.presence(userId, status.wire(),
                    lastSeenAt));
        }
    }
}
