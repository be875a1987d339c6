package dev.polychat.history;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.core.domain.Identity;
import dev.polychat.lambda.HttpCalls;
import dev.polychat.lambda.SnapStartHooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST routes behind a bearer token: the caller, rooms, members, presence and message
 * history. Routing is by method and path; {@link RoomRoutes} holds the routes themselves.
 */
public final class HistoryHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryHandler.class);

    private final ChatApp app;
    private final RoomRoutes routes;
    private final SnapStartHooks hooks;

    public HistoryHandler() {
        this(Env.system());
    }

    public HistoryHandler(Env env) {
        this.app = ChatApp.shared(env);
        this.routes = new RoomRoutes(app.roomService(), app.auth(), app.clock());
        this.hooks = SnapStartHooks.register(app, () -> app.tokens().verify("primed.not.valid"));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            Identity caller = HttpCalls.caller(event, app.tokens());
            return routes.handle(HttpCalls.method(event), HttpCalls.path(event), event, caller);
        } catch (RuntimeException e) {
            return HttpCalls.error(e, event, LOG);
        }
    }
}
