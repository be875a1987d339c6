package dev.polychat.core.dynamo;

import java.util.List;
import java.util.Optional;

/**
 * One DynamoDB table as the code uses it: its key schema, indexes and TTL attribute. The local
 * stack creates tables from these specs and the CDK app declares them from the same specs, so
 * a key is spelled exactly once.
 *
 * @param logicalName short name used for defaults and CDK construct ids
 * @param nameVariable environment variable that carries the physical table name
 * @param partitionKey partition key attribute (always a string)
 * @param sortKey sort key attribute, if any (always a string)
 * @param indexes global secondary indexes, all projecting every attribute
 * @param ttlAttribute numeric epoch-seconds attribute DynamoDB's TTL deletes on
 */
public record TableSpec(
        String logicalName,
        String nameVariable,
        Key partitionKey,
        Optional<Key> sortKey,
        List<Index> indexes,
        String ttlAttribute) {

    public enum KeyType { STRING, NUMBER }

    public record Key(String name, KeyType type) {
        public static Key string(String name) {
            return new Key(name, KeyType.STRING);
        }

        public static Key number(String name) {
            return new Key(name, KeyType.NUMBER);
        }
    }

    public record Index(String name, Key partitionKey, Optional<Key> sortKey) {
    }

    /** The physical name used when the environment names none: local runs and tests. */
    public String defaultName() {
        return "polychat-" + logicalName;
    }
}
