package dev.polychat.core.dynamo;

import static dev.polychat.core.dynamo.Items.n;
import static dev.polychat.core.dynamo.Items.s;

import dev.polychat.core.domain.PresenceStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Users' presence ({@link Tables#PRESENCE}). Item: {@code userId} (key), {@code status}
 * (wire spelling), {@code lastSeenAt} (epoch ms), {@code expiresAt} (epoch s) and, only while
 * online or away, {@code sweepShard}: that keeps the byExpiry index sparse, holding just the
 * users the sweep may have to mark offline, spread over a few partitions.
 */
public final class PresenceStore {
    public static final Duration ONLINE_FOR = Duration.ofSeconds(120);
    public static final Duration REFRESH_BELOW = Duration.ofSeconds(90);
    public static final int SWEEP_SHARDS = 8;

    /** Offline items stay a while for "last seen", then TTL removes them. */
    static final Duration OFFLINE_KEPT_FOR = Duration.ofDays(30);

    /** Racing writers are rare (one user's devices, the sweep): a few re-reads suffice. */
    private static final int MAX_BEAT_ATTEMPTS = 3;
    private static final String BY_EXPIRY = Tables.PRESENCE.indexes().getFirst().name();
    private static final Logger LOG = LoggerFactory.getLogger(PresenceStore.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Batches batches;

    public PresenceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.batches = new Batches(dynamo, table);
    }

    /** The stored presence, read consistently; judge it with {@code effectiveStatus(now)}. */
    public Optional<PresenceRecord> get(String userId) {
        LOG.debug("get presence of user {}", userId);
        Map<String, AttributeValue> item;
        try {
            item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(key(userId))).item();
        } catch (SdkException e) {
            throw new StoreException("get of presence of user " + userId + " from " + table
                    + " failed", e);
        }
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toRecord(item));
    }

    /** The stored presence of each user that has an item, by user id; 100 users a request. */
    public Map<String, PresenceRecord> getAll(Collection<String> userIds) {
        List<Map<String, AttributeValue>> keys = new LinkedHashSet<>(userIds).stream()
                .map(PresenceStore::key).toList();

        LOG.debug("batch get presence of {} users", keys.size());
        Map<String, PresenceRecord> records = new HashMap<>();
        for (Map<String, AttributeValue> item : batches.getAll(keys)) {
            PresenceRecord record = toRecord(item);
            records.put(record.userId(), record);
        }
        return records;
    }

    /**
     * Records a heartbeat, writing only when the effective status changes or the stored expiry
     * is about to run out: with beats every 30 s that is one write a minute.
     *
     * @param status what the client reports: online or away
     */
    public HeartbeatResult beat(String userId, PresenceStatus status, Instant now) {
        if (status == PresenceStatus.OFFLINE) {
            throw new IllegalArgumentException("a heartbeat reports online or away, not offline");
        }
        for (int attempt = 1; attempt <= MAX_BEAT_ATTEMPTS; attempt++) {
            Optional<PresenceRecord> stored = get(userId);
            PresenceStatus previous = stored.map(r -> r.effectiveStatus(now))
                    .orElse(PresenceStatus.OFFLINE);

            // expiresAt is stored in whole seconds: compare in whole seconds too, or the beat
            // 30 s after a write sees it a fraction of a second short and writes every time.
            boolean expiringSoon = stored.isEmpty() || stored.get().expiresAt()
                    .isBefore(now.plus(REFRESH_BELOW).truncatedTo(ChronoUnit.SECONDS));
            if (previous == status && !expiringSoon) {
                return new HeartbeatResult(previous, status, false);
            }

            if (writeIfUnchanged(userId, status, now, stored)) {
                return new HeartbeatResult(previous, status, true);
            }
            LOG.debug("presence of user {} changed while beating, reading it again", userId);
        }
        throw new StoreException("presence of user " + userId + " in " + table
                + " kept changing during " + MAX_BEAT_ATTEMPTS + " heartbeat attempts");
    }

    /**
     * Writes only if the item is still what the heartbeat read. Otherwise two devices coming
     * online together would both announce it, and a refresh landing just after a sweep marked
     * the user offline would bring them back online without anyone being told.
     */
    private boolean writeIfUnchanged(String userId, PresenceStatus status, Instant now,
            Optional<PresenceRecord> read) {
        Map<String, AttributeValue> item = Map.of(
                "userId", s(userId),
                "status", s(status.wire()),
                "lastSeenAt", n(now.toEpochMilli()),
                Tables.EXPIRES_AT, n(now.plus(ONLINE_FOR).getEpochSecond()),
                "sweepShard", s(sweepShard(userId)));
        PutItemRequest.Builder request = PutItemRequest.builder().tableName(table).item(item);
        if (read.isEmpty()) {
            request.conditionExpression("attribute_not_exists(#userId)")
                    .expressionAttributeNames(Map.of("#userId", "userId"));
        } else {
            request.conditionExpression("#status = :readStatus AND #expiresAt = :readExpiry")
                    .expressionAttributeNames(Map.of("#status", "status",
                            "#expiresAt", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(
                            ":readStatus", s(read.get().status().wire()),
                            ":readExpiry", n(read.get().expiresAt().getEpochSecond())));
        }

        LOG.debug("write presence of user {}: {}", userId, status.wire());
        try {
            dynamo.putItem(request.build());
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        } catch (SdkException e) {
            throw new StoreException("write of presence of user " + userId + " to " + table
                    + " failed", e);
        }
    }

    /**
     * Marks the user offline unless they already are, so that of several callers racing
     * exactly one gets {@code true} and announces it. A user without an item is left alone.
     *
     * @param lastSeen when the user was last seen, or null for {@code now}
     * @param ifExpiresAt if not null, only while the stored expiry still equals it: a
     *     heartbeat that arrived since the caller read the item wins
     * @return whether this call changed the status to offline
     */
    public boolean markOffline(String userId, Instant lastSeen, Instant now, Instant ifExpiresAt) {
        Instant seen = lastSeen == null ? now : lastSeen;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":offline", s(PresenceStatus.OFFLINE.wire()),
                ":seen", n(seen.toEpochMilli()),
                ":keepUntil", n(now.plus(OFFLINE_KEPT_FOR).getEpochSecond())));
        String condition = "attribute_exists(#userId) AND #status <> :offline";
        if (ifExpiresAt != null) {
            condition += " AND #expiresAt = :ifExpiresAt";
            values.put(":ifExpiresAt", n(ifExpiresAt.getEpochSecond()));
        }
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(table)
                .key(key(userId))
                .updateExpression("SET #status = :offline, #lastSeenAt = :seen,"
                        + " #expiresAt = :keepUntil REMOVE #sweepShard")
                .conditionExpression(condition)
                .expressionAttributeNames(Map.of("#userId", "userId", "#status", "status",
                        "#lastSeenAt", "lastSeenAt", "#expiresAt", Tables.EXPIRES_AT,
                        "#sweepShard", "sweepShard"))
                .expressionAttributeValues(values)
                .build();

        try {
            dynamo.updateItem(request);
            LOG.debug("marked user {} offline", userId);
            return true;
        } catch (ConditionalCheckFailedException alreadyOfflineOrBeaten) {
            LOG.debug("user {} was already offline, absent or beat meanwhile", userId);
            return false;
        } catch (SdkException e) {
            throw new StoreException("mark offline of user " + userId + " in " + table
                    + " failed", e);
        }
    }

    /**
     * Online or away users whose presence has expired by {@code now} (the same rule as
     * {@link PresenceRecord#effectiveStatus}), at most {@code limit},
     * found through the sparse byExpiry index shard by shard; no scan.
     */
    public List<PresenceRecord> expired(Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        List<PresenceRecord> found = new ArrayList<>();
        for (int shard = 0; shard < SWEEP_SHARDS && found.size() < limit; shard++) {
            collectExpired("s" + shard, now, limit, found);
        }
        return found;
    }

    private void collectExpired(String shard, Instant now, int limit, List<PresenceRecord> into) {
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .indexName(BY_EXPIRY)
                .keyConditionExpression("#sweepShard = :shard AND #expiresAt <= :now")
                .expressionAttributeNames(Map.of("#sweepShard", "sweepShard",
                        "#expiresAt", Tables.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":shard", s(shard), ":now", Items.now(now)))
                .limit(limit - into.size())
                .build();

        LOG.debug("query expired presence in shard {}", shard);
        Queries.pages(dynamo, request, "expired presence in shard " + shard, response -> {
            for (Map<String, AttributeValue> item : response.items()) {
                if (into.size() < limit) {
                    into.add(toRecord(item));
                }
            }
            return into.size() < limit;
        });
    }

    /** Equals abs(hashCode) % shards, without abs overflowing on Integer.MIN_VALUE. */
    static String sweepShard(String userId) {
        return "s" + Math.abs(userId.hashCode() % SWEEP_SHARDS);
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Map.of("userId", s(userId));
    }

    private static PresenceRecord toRecord(Map<String, AttributeValue> item) {
        return new PresenceRecord(Items.string(item, "userId"),
                PresenceStatus.fromWire(Items.string(item, "status")),
                Items.millis(item, "lastSeenAt"), Items.expiresAt(item));
    }
}
