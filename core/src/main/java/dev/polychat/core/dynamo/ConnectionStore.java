package dev.polychat.core.dynamo;

import static dev.polychat.core.dynamo.Items.n;
import static dev.polychat.core.dynamo.Items.s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The open connections ({@link Tables#CONNECTIONS}). Item: {@code connectionId} (key),
 * {@code userId}, {@code connectedAt} (epoch ms) and {@code expiresAt} (epoch s), which lies
 * just past API Gateway's own limit so a connection whose disconnect was lost still vanishes.
 */
public final class ConnectionStore {
    public static final Duration MAX_LIFETIME = Duration.ofHours(2);

    /** Slack over the lifetime so a connection is never dropped while API Gateway keeps it. */
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(10);
    private static final String BY_USER = Tables.CONNECTIONS.indexes().getFirst().name();
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStore.class);

    private final DynamoDbClient dynamo;
    private final String table;

    public ConnectionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public void put(ConnectionRecord connection) {
        Instant expiresAt = connection.connectedAt().plus(MAX_LIFETIME).plus(EXPIRY_MARGIN);
        Map<String, AttributeValue> item = Map.of(
                "connectionId", s(connection.connectionId()),
                "userId", s(connection.userId()),
                "connectedAt", n(connection.connectedAt().toEpochMilli()),
                Tables.EXPIRES_AT, n(expiresAt.getEpochSecond()));

        LOG.debug("put connection {} of user {}", connection.connectionId(), connection.userId());
        try {
            dynamo.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw new StoreException("put of connection " + connection.connectionId()
                    + " into " + table + " failed", e);
        }
    }

    public Optional<ConnectionRecord> get(String connectionId, Instant now) {
        LOG.debug("get connection {}", connectionId);
        Map<String, AttributeValue> item;
        try {
            item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("connectionId", s(connectionId)))).item();
        } catch (SdkException e) {
            throw new StoreException("get of connection " + connectionId + " from " + table
                    + " failed", e);
        }

        if (item == null || item.isEmpty() || !Items.alive(item, now)) {
            return Optional.empty();
        }
        return Optional.of(toRecord(item));
    }

    /** Every live connection of the user, through the byUser index, all pages. */
    public List<ConnectionRecord> byUser(String userId, Instant now) {
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .indexName(BY_USER)
                .keyConditionExpression("#userId = :userId")
                .filterExpression(Items.ALIVE_FILTER)
                .expressionAttributeNames(Map.of("#userId", "userId",
                        "#expiresAt", Tables.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":userId", s(userId), ":now", Items.now(now)))
                .build();

        LOG.debug("query connections of user {}", userId);
        List<ConnectionRecord> connections = new ArrayList<>();
        Queries.pages(dynamo, request, "connections of user " + userId, page -> {
            page.items().forEach(item -> connections.add(toRecord(item)));
            return true;
        });
        return connections;
    }

    /** Deleting a connection that is already gone is not an error. */
    public void delete(String connectionId) {
        LOG.debug("delete connection {}", connectionId);
        try {
            dynamo.deleteItem(b -> b.tableName(table)
                    .key(Map.of("connectionId", s(connectionId))));
        } catch (SdkException e) {
            throw new StoreException("delete of connection " + connectionId + " from " + table
                    + " failed", e);
        }
    }

    private static ConnectionRecord toRecord(Map<String, AttributeValue> item) {
        return new ConnectionRecord(Items.string(item, "connectionId"),
                Items.string(item, "userId"), Items.millis(item, "connectedAt"));
    }
}
