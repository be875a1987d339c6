package dev.polychat.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.polychat.core.config.Env;
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

    /** Builds the functions from the configuration every handler receives. */
    @FunctionalInterface
    public interface Factory {
        Functions create(Env env);
    }
}
