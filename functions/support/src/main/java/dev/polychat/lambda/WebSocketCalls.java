package dev.polychat.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.polychat.core.domain.Identity;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.error.ErrorCode;
import dev.polychat.core.realtime.Events;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The WebSocket side of API Gateway: who is calling (the authorizer's context, which API
 * Gateway repeats on every route of a connection) and the reply that becomes the route
 * response frame.
 */
public final class WebSocketCalls {
    public static final String USER_ID = "userId";
    public static final String USERNAME = "username";
    public static final String DISPLAY_NAME = "displayName";

    private WebSocketCalls() {
    }

    public static String connectionId(APIGatewayV2WebSocketEvent event) {
        return event.getRequestContext().getConnectionId();
    }

    public static Identity identity(APIGatewayV2WebSocketEvent event) {
        Map<String, Object> authorizer = event.getRequestContext().getAuthorizer();
        if (authorizer == null || authorizer.get(USER_ID) == null) {
            throw new IllegalStateException("no authorizer context on connection "
                    + connectionId(event) + ": is the $connect authorizer configured?");
        }
        return new Identity(String.valueOf(authorizer.get(USER_ID)),
                String.valueOf(authorizer.get(USERNAME)),
                String.valueOf(authorizer.get(DISPLAY_NAME)));
    }

    /** A route response: API Gateway sends {@code frame} to the calling connection. */
    public static APIGatewayV2WebSocketResponse reply(String frame) {
        APIGatewayV2WebSocketResponse response = status(200);
        response.setBody(frame);
        return response;
    }

    public static APIGatewayV2WebSocketResponse status(int status) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(status);
        return response;
    }

    /**
     * The error frame for a failure: contract errors as they are, anything else logged once
     * here and answered as {@code internal} without details.
     */
    public static APIGatewayV2WebSocketResponse error(RuntimeException failure, String action,
            String clientMsgId, Logger log, String connectionId) {
        ChatException error;
        if (failure instanceof ChatException chat && chat.code() != ErrorCode.INTERNAL) {
            error = chat;
        } else {
            log.error("{} on connection {} failed", action, connectionId, failure);
            error = new ChatException(ErrorCode.INTERNAL, "internal error; try again");
        }
        return reply(Events.error(error, action, clientMsgId));
    }
}
