package dev.polychat.core.domain;

/** A user as the contract shows one: {@code {"id","username","displayName"}}. */
public record User(String id, String username, String displayName) {
}
