package dev.polychat.bench.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The events API Gateway hands the functions, built the way it fills them in. Used in-process
 * and by the cold-start launcher, so it touches nothing beyond the Lambda events library.
 */
public final class LambdaEvents {
    private LambdaEvents() {
    }

    /** A REST call (HTTP API, payload 2.0). */
    public static APIGatewayV2HTTPEvent http(String method, String path, String bearer,
            Map<String, String> query, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (bearer != null) {
            headers.put("authorization", "Bearer " + bearer);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withHeaders(headers)
                .withQueryStringParameters(query)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("bench")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).build())
                        .build())
                .build();
    }

    /** A frame on a route of the WebSocket API, with the authorizer's context of the user. */
    public static APIGatewayV2WebSocketEvent webSocket(String routeKey, String connectionId,
            String userId, String username, String body) {
        APIGatewayV2WebSocketEvent.RequestContext context =
                new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setConnectionId(connectionId);
        context.setEventType(routeKey.startsWith("$") ? routeKey.substring(1).toUpperCase()
                : "MESSAGE");
        context.setAuthorizer(Map.of("userId", userId, "username", username,
                "displayName", username));
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }
}
