package dev.polychat.core.dynamo;

/** A connection that receives a room's events, and the user behind it. */
public record Subscriber(String connectionId, String userId) {
}
