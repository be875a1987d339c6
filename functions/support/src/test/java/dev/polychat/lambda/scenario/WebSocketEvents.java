package dev.polychat.lambda.scenario;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.UUID;

/**
 * WebSocket API events for a person's connection, from a fixture of the route: the
 * connection id and the authorizer context API Gateway repeats on every route, and the frame.
 */
public final class WebSocketEvents {
    private WebSocketEvents() {
    }

    /** A frame on a route ({@code sendMessage}, {@code $default}, ...) from the connection. */
    public static APIGatewayV2WebSocketEvent frame(String fixture, Person from,
            String connectionId, String body) {
        return on(fixture, from, connectionId)
                .set("requestContext.messageId", UUID.randomUUID().toString())
                .set("body", body)
                .as(APIGatewayV2WebSocketEvent.class);
    }

    /** A {@code $connect} or {@code $disconnect} of the connection: no body. */
    public static APIGatewayV2WebSocketEvent lifecycle(String fixture, Person who,
            String connectionId) {
        return on(fixture, who, connectionId).as(APIGatewayV2WebSocketEvent.class);
    }

    private static EventFixture on(String fixture, Person who, String connectionId) {
        long now = System.currentTimeMillis();
        return EventFixture.load(fixture)
                .set("requestContext.connectionId", connectionId)
                .set("requestContext.requestTimeEpoch", now)
                .set("requestContext.authorizer.principalId", who.id())
                .set("requestContext.authorizer.userId", who.id())
                .set("requestContext.authorizer.username", who.username())
                .set("requestContext.authorizer.displayName", who.user().displayName());
    }
}
