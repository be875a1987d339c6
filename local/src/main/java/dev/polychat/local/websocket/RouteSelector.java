package dev.polychat.local.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.json.Json;
import java.util.Set;

/**
 * API Gateway's route selection with the expression {@code $request.body.action}: the frame's
 * {@code action} names the route when the frame is a JSON object with a string action that
 * has a route; every other frame goes to {@code $default}.
 */
final class RouteSelector {
    static final String DEFAULT = "$default";

    private final Set<String> routeKeys;

    RouteSelector(Set<String> routeKeys) {
        this.routeKeys = Set.copyOf(routeKeys);
    }

    String select(String body) {
        JsonNode action;
        try {
            action = Json.read(body).path("action");
        } catch (JsonProcessingException notJson) {
            return DEFAULT;
        }
        if (action.isTextual() && routeKeys.contains(action.asText())) {
            return action.asText();
        }
        return DEFAULT;
    }
}
