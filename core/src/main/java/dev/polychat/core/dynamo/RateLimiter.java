package dev.polychat.core.dynamo;

import static dev.polychat.core.dynamo.Items.n;
import static dev.polychat.core.dynamo.Items.s;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A sliding-window frame counter per connection ({@link Tables#RATE_LIMITS}), shared by every
 * function instance. Item: {@code connectionId} (key), one number attribute {@code b<second>}
 * per epoch second with frames in it, and {@code expiresAt}. Each call is one UpdateItem that
 * counts the frame, drops the buckets that have just left the window, and returns the item,
 * so no read precedes the write on the per-message path.
 */
public final class RateLimiter {
    /** Keeps the REMOVE list (one name per second of the window) well inside 4 KB. */
    static final Duration MAX_WINDOW = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final int limit;
    private final long windowSeconds;

    /**
     * @param limit frames allowed in any window, at least 1
     * @param window whole seconds, from 1 s to 5 minutes
     */
    public RateLimiter(DynamoDbClient dynamo, String table, int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (window.getNano() != 0 || window.toSeconds() < 1
                || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("window must be whole seconds from 1 s to "
                    + MAX_WINDOW.toSeconds() + " s, got " + window);
        }
        this.dynamo = dynamo;
        this.table = table;
        this.limit = limit;
        this.windowSeconds = window.toSeconds();
    }

    /**
     * Counts one frame of the connection at {@code now}; true if the frames of the last
     * window, this one included, are within the limit. Refused frames count too, so a client
     * that keeps sending past the limit stays limited.
     */
    public boolean tryAcquire(String connectionId, Instant now) {
        long second = now.getEpochSecond();
        Map<String, AttributeValue> item = count(connectionId, second);

        long inWindow = 0;
        for (long s = second - windowSeconds + 1; s <= second; s++) {
            inWindow += Items.number(item, bucket(s), 0);
        }

        boolean allowed = inWindow <= limit;
        if (!allowed) {
            LOG.debug("connection {} over its limit: {} frames in {} s", connectionId, inWindow,
                    windowSeconds);
        }
        return allowed;
    }

    private Map<String, AttributeValue> count(String connectionId, long second) {
        // Buckets window..2*window seconds old have left the window since the last frames
        // a busy connection sent; an idle connection's older buckets are never summed, and
        // the item's expiry removes them with it.
        StringBuilder remove = new StringBuilder();
        for (long s = second - 2 * windowSeconds; s <= second - windowSeconds; s++) {
            remove.append(remove.isEmpty() ? " REMOVE " : ", ").append(bucket(s));
        }
        String update = "ADD " + bucket(second) + " :one SET #expiresAt = :expiresAt" + remove;

        try {
            return dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("connectionId", s(connectionId)))
                    .updateExpression(update)
                    .expressionAttributeNames(Map.of("#expiresAt", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":one", n(1),
                            ":expiresAt", n(second + 2 * windowSeconds)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
        } catch (SdkException e) {
            throw new StoreException("rate count of connection " + connectionId + " in " + table
                    + " failed", e);
        }
    }

    /** Bucket names are plain letters and digits: no reserved word, no placeholder needed. */
    private static String bucket(long epochSecond) {
        return "b" + epochSecond;
    }
}
