package dev.polychat.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.json.Json;

/** Reads what clients send: JSON objects whose fields must have the types the contract says. */
public final class Frames {
    private Frames() {
    }

    /** Parses a frame or request body that must be a JSON object. */
    public static JsonNode object(String text, String what) {
        if (text == null || text.isBlank()) {
            throw ChatException.badRequest(what, "must be a JSON object");
        }
        try {
            JsonNode node = Json.read(text);
            if (node == null || !node.isObject()) {
                throw ChatException.badRequest(what, "must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ChatException.badRequest(what, "is not valid JSON");
        }
    }

    /** A string field, or null when absent or null; any other type is a bad request. */
    public static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ChatException.badRequest(field, "must be a string");
        }
        return value.asText();
    }

    public static String requiredText(JsonNode object, String field) {
        String value = text(object, field);
        if (value == null || value.isEmpty()) {
            throw ChatException.badRequest(field, "is required");
        }
        return value;
    }

    public static boolean flag(JsonNode object, String field, boolean defaultValue) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw ChatException.badRequest(field, "must be true or false");
        }
        return value.asBoolean();
    }

    /** The string field if the object has one of that name, for echoing back in errors. */
    public static String echo(JsonNode object, String field) {
        JsonNode value = object == null ? null : object.get(field);
        return value != null && value.isTextual() && value.asText().length() <= 256
                ? value.asText() : null;
    }
}
