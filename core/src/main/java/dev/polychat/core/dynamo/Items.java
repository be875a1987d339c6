package dev.polychat.core.dynamo;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Attribute value helpers shared by the stores; items are plain maps, no object mapper. */
final class Items {
    /** Keeps items alive at {@code :now} (see {@link #alive}); bind it with {@link #now}. */
    static final String ALIVE_FILTER = "#expiresAt > :now";

    private Items() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static long number(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? fallback : Long.parseLong(value.n());
    }

    /** Time stamps other than the TTL attribute are kept in epoch milliseconds. */
    static Instant millis(Map<String, AttributeValue> item, String name) {
        return Instant.ofEpochMilli(number(item, name, 0));
    }

    static Instant expiresAt(Map<String, AttributeValue> item) {
        return Instant.ofEpochSecond(number(item, Tables.EXPIRES_AT, 0));
    }

    /**
     * Whether an item is still alive at {@code now}. TTL deletes items up to days late, so an
     * item whose expiresAt (epoch seconds) has passed is treated as gone by every reader. An item
     * without the attribute never expires.
     */
    static boolean alive(Map<String, AttributeValue> item, Instant now) {
        return number(item, Tables.EXPIRES_AT, Long.MAX_VALUE) > now.getEpochSecond();
    }

    static AttributeValue now(Instant now) {
        return n(now.getEpochSecond());
    }
}
