package dev.polychat.presence;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.core.domain.PresenceStatus;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.realtime.Events;
import dev.polychat.core.service.PresenceService;
import dev.polychat.lambda.Frames;
import dev.polychat.lambda.SnapStartHooks;
import dev.polychat.lambda.WebSocketCalls;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code heartbeat} route: keeps the user online (or away) and answers {@code pong}. */
public final class HeartbeatHandler
        implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatHandler.class);

    private final ChatApp app;
    private final PresenceService presence;
    private final SnapStartHooks hooks;

    public HeartbeatHandler() {
        this(Env.system());
    }

    public HeartbeatHandler(Env env) {
        this.app = ChatApp.shared(env);
        app.requirePostingConfig();
        this.presence = app.presence();
        this.hooks = SnapStartHooks.register(app, () -> Events.pong(Instant.EPOCH));
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event,
            Context context) {
        String connectionId = WebSocketCalls.connectionId(event);
        try {
            JsonNode frame = Frames.object(event.getBody(), "frame");
            String wire = Frames.text(frame, "status");
            PresenceStatus status = wire == null ? PresenceStatus.ONLINE
                    : PresenceStatus.reportable(wire).orElseThrow(() ->
                            ChatException.badRequest("status", "must be online or away"));
            Instant now = app.clock().instant();
            presence.beat(WebSocketCalls.identity(event).userId(), status, now);
            return WebSocketCalls.reply(Events.pong(now));
        } catch (RuntimeException e) {
            return WebSocketCalls.error(e, "heartbeat", null, LOG, connectionId);
        }
    }
}
