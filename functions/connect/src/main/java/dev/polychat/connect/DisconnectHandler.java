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

/** {@code $disconnect}: removes the connection and its subscriptions, and updates presence. */
public final class DisconnectHandler
        implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private final ChatApp app;
    private final ConnectionService connections;
    private final SnapStartHooks hooks;

    public DisconnectHandler() {
        this(Env.system());
    }

    public DisconnectHandler(Env env) {
        this.app = ChatApp.shared(env);
        app.requirePostingConfig();
        this.connections = app.connections();
        this.hooks = SnapStartHooks.register(app, () -> app.database());
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event,
            Context context) {
        connections.disconnected(WebSocketCalls.connectionId(event),
                WebSocketCalls.identity(event).userId(), app.clock().instant());
        return WebSocketCalls.status(200);
    }
}
