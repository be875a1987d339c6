package dev.polychat.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.core.service.AuthService;
import dev.polychat.lambda.Frames;
import dev.polychat.lambda.HttpCalls;
import dev.polychat.lambda.SnapStartHooks;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/auth/register} and {@code POST /api/auth/login}: the only open routes. */
public final class AuthHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(AuthHandler.class);

    private final AuthService auth;
    private final SnapStartHooks hooks;

    public AuthHandler() {
        this(Env.system());
    }

    public AuthHandler(Env env) {
        ChatApp app = ChatApp.shared(env);
        this.auth = app.auth();
        this.hooks = SnapStartHooks.register(app, () -> app.tokens().verify("primed.not.valid"));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            String route = HttpCalls.method(event) + " " + HttpCalls.path(event);
            return switch (route) {
                case "POST /api/auth/register" -> register(HttpCalls.jsonBody(event));
                case "POST /api/auth/login" -> login(HttpCalls.jsonBody(event));
                default -> throw HttpCalls.unknownRoute();
            };
        } catch (RuntimeException e) {
            return HttpCalls.error(e, event, LOG);
        }
    }

    private APIGatewayV2HTTPResponse register(JsonNode body) {
        AuthService.Session session = auth.register(Frames.text(body, "username"),
                Frames.text(body, "password"), Frames.text(body, "displayName"));
        return HttpCalls.json(201, Map.of("token", session.token(), "user", session.user()));
    }

    private APIGatewayV2HTTPResponse login(JsonNode body) {
        AuthService.Session session = auth.login(Frames.text(body, "username"),
                Frames.text(body, "password"));
        return HttpCalls.json(200, Map.of("token", session.token(), "user", session.user()));
    }
}
