package dev.polychat.core.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A room as one caller sees it: {@code member} says whether that caller belongs to it. */
public record Room(
        String id,
        String name,
        String topic,
        @JsonProperty("private") boolean isPrivate,
        String createdAt,
        long lastSeq,
        boolean member) {
}
