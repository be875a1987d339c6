package dev.polychat.connect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.core.service.ConnectionService;
import dev.polychat.lambda.SnapStartHooks;
import dev.polychat.lambda.WebSocketCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code $connect}: registers the connection and subscribes it to its user's rooms. */
public final class ConnectHandler
        implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectHandler.class);

    private final ChatApp app;
    private final ConnectionService connections;
    private final SnapStartHooks hooks;

    public ConnectHandler() {
        this(Env.system());
    }

    public ConnectHandler(Env env) {
        this.app = ChatApp.shared(env);
        app.requirePostingConfig();
        this.connections = app.connections();
        this.hooks = SnapStartHooks.register(app, () -> app.database());
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event,
            Context context) {
        String connectionId = WebSocketCalls.connectionId(event);
        try {
            connections.connected(connectionId, WebSocketCalls.identity(event),
                    app.clock().instant());
            return WebSocketCalls.status(200);
        } catch (RuntimeException e) {
            // Refusing the connection is better than a socket that misses its rooms' events.
            LOG.error("connection {} refused: registering it failed", connectionId, e);
            return WebSocketCalls.status(500);
        }
    }
}
