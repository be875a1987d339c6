package dev.polychat.core.dynamo;

import static dev.polychat.core.dynamo.Items.n;
import static dev.polychat.core.dynamo.Items.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Which connections receive which room's events ({@link Tables#SUBSCRIPTIONS}). Item:
 * {@code roomId} and {@code connectionId} (key), {@code userId}, {@code expiresAt} (epoch s,
 * normally the connection's own expiry). A room is one partition, so fan-out is a Query.
 */
public final class SubscriptionStore {
    private static final String BY_CONNECTION =
            Tables.SUBSCRIPTIONS.indexes().getFirst().name();
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionStore.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Batches batches;

    public SubscriptionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.batches = new Batches(dynamo, table);
    }

    public void subscribe(String roomId, String connectionId, String userId, Instant expiresAt) {
        LOG.debug("subscribe connection {} to room {}", connectionId, roomId);
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(item(roomId, connectionId, userId, expiresAt)));
        } catch (SdkException e) {
            throw new StoreException("subscribe of connection " + connectionId + " to room "
                    + roomId + " in " + table + " failed", e);
        }
    }

    /** Subscribes the connection to every room, 25 rooms per request. */
    public void subscribeAll(Collection<String> roomIds, String connectionId, String userId,
            Instant expiresAt) {
        // A batch refuses two writes to the same key, so repeated rooms are written once.
        List<WriteRequest> writes = new ArrayList<>();
        for (String roomId : new LinkedHashSet<>(roomIds)) {
            writes.add(WriteRequest.builder().putRequest(p -> p
                    .item(item(roomId, connectionId, userId, expiresAt))).build());
        }

        LOG.debug("subscribe connection {} to {} rooms", connectionId, writes.size());
        batches.writeAll(writes);
    }

    public void unsubscribe(String roomId, String connectionId) {
        LOG.debug("unsubscribe connection {} from room {}", connectionId, roomId);
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(roomId, connectionId)));
        } catch (SdkException e) {
            throw new StoreException("unsubscribe of connection " + connectionId + " from room "
                    + roomId + " in " + table + " failed", e);
        }
    }

    /**
     * Hands the room's live subscribers to {@code page}, one Query of at most {@code pageSize}
     * items per call. Expired items are filtered out by DynamoDB after the limit is applied, so
     * a page may be short (and one made only of expired items is not handed on), but the
     * number of requests stays ceil(N / pageSize).
     */
    public void forEachPage(String roomId, int pageSize, Instant now,
            Consumer<List<Subscriber>> page) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
        }
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#roomId = :roomId")
                .filterExpression(Items.ALIVE_FILTER)
                .projectionExpression("#connectionId, #userId")
                .expressionAttributeNames(Map.of("#roomId", "roomId",
                        "#connectionId", "connectionId", "#userId", "userId",
                        "#expiresAt", Tables.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":roomId", s(roomId), ":now", Items.now(now)))
                .limit(pageSize)
                .build();

        LOG.debug("fan-out query of room {} by pages of {}", roomId, pageSize);
        Queries.pages(dynamo, request, "subscribers of room " + roomId, response -> {
            if (response.hasItems() && !response.items().isEmpty()) {
                page.accept(response.items().stream().map(item -> new Subscriber(
                        Items.string(item, "connectionId"), Items.string(item, "userId")))
                        .toList());
            }
            return true;
        });
    }

    /** The rooms the connection is subscribed to, through the byConnection index. */
    public List<String> roomsOf(String connectionId, Instant now) {
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .indexName(BY_CONNECTION)
                .keyConditionExpression("#connectionId = :connectionId")
                .filterExpression(Items.ALIVE_FILTER)
                .projectionExpression("#roomId")
                .expressionAttributeNames(Map.of("#roomId", "roomId",
                        "#connectionId", "connectionId", "#expiresAt", Tables.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":connectionId", s(connectionId),
                        ":now", Items.now(now)))
                .build();

        LOG.debug("query rooms of connection {}", connectionId);
        List<String> rooms = new ArrayList<>();
        Queries.pages(dynamo, request, "rooms of connection " + connectionId, response -> {
            response.items().forEach(item -> rooms.add(Items.string(item, "roomId")));
            return true;
        });
        return rooms;
    }

    /** Removes the connection from every room it is subscribed to, 25 rooms per request. */
    public void removeConnection(String connectionId, Instant now) {
        List<WriteRequest> deletes = roomsOf(connectionId, now).stream()
                .map(roomId -> WriteRequest.builder()
                        .deleteRequest(d -> d.key(key(roomId, connectionId))).build())
                .toList();

        LOG.debug("remove connection {} from {} rooms", connectionId, deletes.size());
        batches.writeAll(deletes);
    }

    private static Map<String, AttributeValue> key(String roomId, String connectionId) {
        return Map.of("roomId", s(roomId), "connectionId", s(connectionId));
    }

    private static Map<String, AttributeValue> item(String roomId, String connectionId,
            String userId, Instant expiresAt) {
        return Map.of("roomId", s(roomId), "connectionId", s(connectionId),
                "userId", s(userId), Tables.EXPIRES_AT, n(expiresAt.getEpochSecond()));
    }
}
