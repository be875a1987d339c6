package dev.polychat.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.polychat.auth.AuthHandler;
import dev.polychat.connect.AuthorizerHandler;
import dev.polychat.connect.ConnectHandler;
import dev.polychat.connect.DisconnectHandler;
import dev.polychat.core.config.Env;
import dev.polychat.history.HistoryHandler;
import dev.polychat.message.MessageHandler;
import dev.polychat.presence.HeartbeatHandler;
import dev.polychat.presence.SweepHandler;
import java.util.Map;
import java.util.Objects;

/**
 * Every function the local stack runs and where API Gateway and EventBridge send events.
 * Routes that share one {@link FunctionSpec} instance share one function (one set of
 * execution environments), as several routes integrate with one Lambda function in AWS.
 *
 * @param authorizer the WebSocket API's REQUEST authorizer on {@code $connect}
 * @param connect the {@code $connect} route
 * @param disconnect the {@code $disconnect} route
 * @param routes the message routes by route key, {@code $default} included
 * @param auth the HTTP API's {@code /api/auth/*} routes
 * @param history every other {@code /api/*} route
 * @param sweep the scheduled presence sweep
 */
public record Functions(
        FunctionSpec<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> authorizer,
        FunctionSpec<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> connect,
        FunctionSpec<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> disconnect,
        Map<String, FunctionSpec<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> routes,
        FunctionSpec<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> auth,
        FunctionSpec<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> history,
        FunctionSpec<ScheduledEvent, Void> sweep) {

    public Functions {
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(disconnect, "disconnect");
        routes = Map.copyOf(routes);
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(sweep, "sweep");
    }

    /**
     * PolyChat's functions with their routes, as the CDK app deploys them: the one place that
     * knows which handler serves which route.
     */
    public static Functions polychat(Env env) {
        var message = FunctionSpec.webSocket("polychat-message", () -> new MessageHandler(env));
        var heartbeat = FunctionSpec.webSocket("polychat-heartbeat",
                () -> new HeartbeatHandler(env));
        return new Functions(
                FunctionSpec.authorizer("polychat-authorizer", () -> new AuthorizerHandler(env)),
                FunctionSpec.webSocket("polychat-connect", () -> new ConnectHandler(env)),
                FunctionSpec.webSocket("polychat-disconnect", () -> new DisconnectHandler(env)),
                Map.of("sendMessage", message,
                        "joinRoom", message,
                        "leaveRoom", message,
                        "typing", message,
                        "$default", message,
                        "heartbeat", heartbeat),
                FunctionSpec.http("polychat-auth", () -> new AuthHandler(env)),
                FunctionSpec.http("polychat-history", () -> new HistoryHandler(env)),
                FunctionSpec.scheduled("polychat-presence-sweep", () -> new SweepHandler(env)));
    }

    /** Builds the functions from the configuration every handler receives. */
    @FunctionalInterface
    public interface Factory {
        Functions create(Env env);
    }
}
