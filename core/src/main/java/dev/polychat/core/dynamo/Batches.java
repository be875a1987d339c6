package dev.polychat.core.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem and BatchGetItem in chunks of the service's limits, re-sending what the
 * service hands back as unprocessed (it does so under throttling, without an error) a bounded
 * number of times with a short, growing, jittered pause.
 */
final class Batches {
    static final int WRITE_CHUNK = 25;
    static final int GET_CHUNK = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Batches.class);
    private static final int MAX_ATTEMPTS = 6;
    private static final long FIRST_PAUSE_MILLIS = 20;

    private final DynamoDbClient dynamo;
    private final String table;

    Batches(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    void writeAll(List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += WRITE_CHUNK) {
            writeChunk(writes.subList(from, Math.min(writes.size(), from + WRITE_CHUNK)));
        }
    }

    private void writeChunk(List<WriteRequest> chunk) {
        List<WriteRequest> pending = chunk;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Map<String, List<WriteRequest>> request = Map.of(table, pending);
            BatchWriteItemResponse response;
            try {
                response = dynamo.batchWriteItem(b -> b.requestItems(request));
            } catch (SdkException e) {
                throw new StoreException("batch write to " + table + " failed", e);
            }

            pending = response.unprocessedItems().getOrDefault(table, List.of());
            if (pending.isEmpty()) {
                return;
            }
            LOG.debug("{}: {} writes unprocessed after attempt {}", table, pending.size(),
                    attempt);
            pause(attempt);
        }
        throw new StoreException("batch write to " + table + ": " + pending.size()
                + " items still unprocessed after " + MAX_ATTEMPTS + " attempts");
    }

    /** Reads the items with these keys; keys without an item are simply absent. */
    List<Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += GET_CHUNK) {
            getChunk(keys.subList(from, Math.min(keys.size(), from + GET_CHUNK)), items);
        }
        return items;
    }

    private void getChunk(List<Map<String, AttributeValue>> chunk,
            List<Map<String, AttributeValue>> into) {
        KeysAndAttributes pending = KeysAndAttributes.builder()
                .keys(chunk).consistentRead(true).build();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Map<String, KeysAndAttributes> request = Map.of(table, pending);
            BatchGetItemResponse response;
            try {
                response = dynamo.batchGetItem(b -> b.requestItems(request));
            } catch (SdkException e) {
                throw new StoreException("batch read from " + table + " failed", e);
            }

            into.addAll(response.responses().getOrDefault(table, List.of()));
            pending = response.unprocessedKeys().get(table);
            if (pending == null || pending.keys().isEmpty()) {
                return;
            }
            LOG.debug("{}: {} keys unprocessed after attempt {}", table, pending.keys().size(),
                    attempt);
            pause(attempt);
        }
        throw new StoreException("batch read from " + table + ": " + pending.keys().size()
                + " keys still unprocessed after " + MAX_ATTEMPTS + " attempts");
    }

    private static void pause(int attempt) {
        long ceiling = FIRST_PAUSE_MILLIS << (attempt - 1);
        try {
            Thread.sleep(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying unprocessed batch items", e);
        }
    }
}
