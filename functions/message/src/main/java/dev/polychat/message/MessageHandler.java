package dev.polychat.message;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.core.domain.Identity;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.error.ErrorCode;
import dev.polychat.core.realtime.Events;
import dev.polychat.core.service.ChatService;
import dev.polychat.lambda.Frames;
import dev.polychat.lambda.SnapStartHooks;
import dev.polychat.lambda.WebSocketCalls;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat routes of the WebSocket API: {@code sendMessage}, {@code joinRoom},
 * {@code leaveRoom}, {@code typing} and {@code $default}. Each frame gets exactly one reply
 * frame (an ack, joined, left or error) except typing, which answers only on error. A bad
 * frame is answered with an error and changes nothing.
 */
public final class MessageHandler
        implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

    private final ChatApp app;
    private final ChatService chat;
    private final SnapStartHooks hooks;

    public MessageHandler() {
        this(Env.system());
    }

    public MessageHandler(Env env) {
        this.app = ChatApp.shared(env);
        app.requirePostingConfig();
        this.chat = app.chat();
        this.hooks = SnapStartHooks.register(app, MessageHandler::prime);
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event,
            Context context) {
        String connectionId = WebSocketCalls.connectionId(event);
        String route = event.getRequestContext().getRouteKey();
        JsonNode frame = null;
        try {
            frame = Frames.object(event.getBody(), "frame");
            return route(route, frame, connectionId, WebSocketCalls.identity(event));
        } catch (RuntimeException e) {
            return WebSocketCalls.error(e, actionOf(route, frame), Frames.echo(frame,
                    "clientMsgId"), LOG, connectionId);
        }
    }

    private APIGatewayV2WebSocketResponse route(String route, JsonNode frame, String connectionId,
            Identity user) {
        Instant now = app.clock().instant();
        return switch (route) {
            case "sendMessage" -> WebSocketCalls.reply(chat.send(connectionId, user,
                    new ChatService.Send(Frames.text(frame, "roomId"),
                            Frames.text(frame, "clientMsgId"), Frames.text(frame, "body")), now));
            case "joinRoom" -> WebSocketCalls.reply(chat.join(user,
                    Frames.requiredText(frame, "roomId"), now));
            case "leaveRoom" -> WebSocketCalls.reply(chat.leave(user,
                    Frames.requiredText(frame, "roomId"), now));
            case "typing" -> {
                chat.typing(connectionId, user, Frames.requiredText(frame, "roomId"));
                yield WebSocketCalls.status(200);
            }
            default -> throw new ChatException(ErrorCode.UNKNOWN_ACTION,
                    "unknown action; expected sendMessage, joinRoom, leaveRoom, typing"
                            + " or heartbeat");
        };
    }

    /** The action to echo in an error: the route, or what the frame said on $default. */
    private static String actionOf(String route, JsonNode frame) {
        return "$default".equals(route) ? Frames.echo(frame, "action") : route;
    }

    private static void prime() {
        Events.error(new ChatException(ErrorCode.BAD_REQUEST, "priming"), "sendMessage", "p");
        Frames.object("{\"action\":\"sendMessage\",\"roomId\":\"r\",\"body\":\"b\"}", "frame");
    }
}
