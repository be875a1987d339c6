package dev.polychat.local.websocket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polychat.core.json.Json;
import dev.polychat.local.lambda.LocalAws;
import java.util.Map;

/**
 * Builds the JSON events API Gateway's WebSocket API sends to Lambda: the REQUEST authorizer's
 * event and the CONNECT, MESSAGE and DISCONNECT events, field for field.
 */
final class WebSocketEvents {
    static final String STAGE = "local";
    static final String API_ID = "local";
    static final String DOMAIN_NAME = "localhost";
    static final String CONNECT = "$connect";
    static final String DISCONNECT = "$disconnect";

    ObjectNode authorizer(UpgradeInfo upgrade, String connectionId, String requestId) {
        ObjectNode event = Json.object();
        event.put("type", "REQUEST");
        event.put("methodArn", methodArn(CONNECT));
        putRequest(event, upgrade);
        event.putObject("stageVariables");
        event.set("requestContext", context(upgrade, connectionId, CONNECT, "CONNECT", requestId));
        return event;
    }

    ObjectNode connect(UpgradeInfo upgrade, String connectionId, ObjectNode authorizer,
            String requestId) {
        ObjectNode event = Json.object();
        putRequest(event, upgrade);
        ObjectNode context = context(upgrade, connectionId, CONNECT, "CONNECT", requestId);
        context.set("authorizer", authorizer);
        event.set("requestContext", context);
        event.put("isBase64Encoded", false);
        return event;
    }

    ObjectNode message(Connection connection, String routeKey, String body, boolean base64,
            String requestId) {
        ObjectNode context = context(connection.upgrade(), connection.id(), routeKey, "MESSAGE",
                requestId);
        context.put("messageId", LocalAws.shortId());
        context.set("authorizer", connection.authorizer());

        ObjectNode event = Json.object();
        event.set("requestContext", context);
        event.put("body", body);
        event.put("isBase64Encoded", base64);
        return event;
    }

    ObjectNode disconnect(Connection connection, int statusCode, String reason,
            String requestId) {
        ObjectNode context = context(connection.upgrade(), connection.id(), DISCONNECT,
                "DISCONNECT", requestId);
        context.put("disconnectStatusCode", statusCode);
        context.put("disconnectReason", reason == null ? "" : reason);
        context.set("authorizer", connection.authorizer());

        ObjectNode event = Json.object();
        ObjectNode headers = event.putObject("headers");
        headers.put("Host", connection.upgrade().headers().getOrDefault("Host", DOMAIN_NAME));
        headers.put("X-Forwarded-For", connection.sourceIp());
        event.set("requestContext", context);
        event.put("isBase64Encoded", false);
        return event;
    }

    static String methodArn(String routeKey) {
        return "arn:aws:execute-api:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":"
                + API_ID + "/" + STAGE + "/" + routeKey;
    }

    private static void putRequest(ObjectNode event, UpgradeInfo upgrade) {
        event.set("headers", Json.mapper().valueToTree(upgrade.headers()));
        event.set("multiValueHeaders", Json.mapper().valueToTree(upgrade.multiValueHeaders()));
        if (!upgrade.query().isEmpty()) {
            event.set("queryStringParameters", Json.mapper().valueToTree(upgrade.query()));
            event.set("multiValueQueryStringParameters",
                    Json.mapper().valueToTree(upgrade.multiValueQuery()));
        }
    }

    private static ObjectNode context(UpgradeInfo upgrade, String connectionId, String routeKey,
            String eventType, String requestId) {
        long now = System.currentTimeMillis();
        ObjectNode context = Json.object();
        context.put("routeKey", routeKey);
        context.put("eventType", eventType);
        context.put("extendedRequestId", requestId);
        context.put("requestTime", LocalAws.requestTime(now));
        context.put("messageDirection", "IN");
        context.put("stage", STAGE);
        context.put("connectedAt", upgrade.connectedAt());
        context.put("requestTimeEpoch", now);
        context.set("identity", Json.mapper().valueToTree(Map.of(
                "sourceIp", upgrade.sourceIp(), "userAgent", upgrade.userAgent())));
        context.put("requestId", requestId);
        context.put("domainName", DOMAIN_NAME);
        context.put("connectionId", connectionId);
        context.put("apiId", API_ID);
        return context;
    }

    /** The frame API Gateway sends when it cannot route or the integration fails. */
    static String gatewayError(String message, String connectionId, String requestId) {
        ObjectNode error = Json.object();
        error.put("message", message);
        error.put("connectionId", connectionId);
        error.put("requestId", requestId);
        return Json.write(error);
    }
}
