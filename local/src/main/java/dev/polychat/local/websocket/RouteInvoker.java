package dev.polychat.local.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.local.lambda.InvocationFailed;
import dev.polychat.local.lambda.LocalAws;
import dev.polychat.local.lambda.LocalFunction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the routes of an open connection: each incoming message on the route its action
 * selects, answering with the route response (the handler's body, when it has one), and
 * {@code $disconnect} when the connection ends.
 */
final class RouteInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(RouteInvoker.class);

    private final Map<String, LocalFunction<?, ?>> routes;
    private final LocalFunction<?, ?> disconnect;
    private final RouteSelector selector;
    private final WebSocketEvents events;

    RouteInvoker(Map<String, LocalFunction<?, ?>> routes, LocalFunction<?, ?> disconnect,
            WebSocketEvents events) {
        this.routes = Map.copyOf(routes);
        this.disconnect = disconnect;
        this.selector = new RouteSelector(routes.keySet());
        this.events = events;
    }

    void message(Connection connection, String body, boolean base64) {
        String routeKey = base64 ? RouteSelector.DEFAULT : selector.select(body);
        String requestId = LocalAws.shortId();
        LocalFunction<?, ?> function = routes.get(routeKey);
        if (function == null) {
            reply(connection, WebSocketEvents.gatewayError("Forbidden", connection.id(),
                    requestId));
            return;
        }

        JsonNode response;
        try {
            response = function.invoke(events.message(connection, routeKey, body, base64,
                    requestId));
        } catch (InvocationFailed e) {
            LOG.error("route {} failed on connection {}", routeKey, connection.id(), e);
            reply(connection, WebSocketEvents.gatewayError("Internal server error",
                    connection.id(), requestId));
            return;
        }

        String routeResponse = routeResponseBody(response);
        if (routeResponse != null) {
            reply(connection, routeResponse);
        }
    }

    void disconnected(Connection connection, int statusCode, String reason) {
        try {
            disconnect.invoke(events.disconnect(connection, statusCode, reason,
                    LocalAws.shortId()));
        } catch (InvocationFailed e) {
            LOG.error("$disconnect failed for connection {}", connection.id(), e);
        }
    }

    /** The integration response's body is what the route response sends to the client. */
    private static String routeResponseBody(JsonNode response) {
        JsonNode body = response.path("body");
        if (body.isMissingNode() || body.isNull()) {
            return null;
        }
        String text = body.isTextual() ? body.asText() : body.toString();
        if (response.path("isBase64Encoded").asBoolean(false)) {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        }
        return text;
    }

    private static void reply(Connection connection, String frame) {
        connection.send(frame).whenComplete((sent, failure) -> {
            if (failure != null) {
                LOG.debug("route response not delivered to {}: {}", connection.id(),
                        failure.toString());
            }
        });
    }
}
