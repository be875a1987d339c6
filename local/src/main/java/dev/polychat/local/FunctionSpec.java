package dev.polychat.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One Lambda function as the local stack runs it: a name, the event type its handler takes and
 * a way to create handler instances (one per execution environment, as Lambda does).
 *
 * @param name the function's name in logs and in the handler's context
 * @param eventType the event class the JSON event is deserialized into
 * @param factory creates a new handler instance
 */
public record FunctionSpec<I, O>(String name, Class<I> eventType,
        Supplier<? extends RequestHandler<I, O>> factory) {

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(factory, "factory");
    }

    public static FunctionSpec<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> authorizer(
            String name,
            Supplier<? extends RequestHandler<APIGatewayCustomAuthorizerEvent,
                    IamPolicyResponseV1>> factory) {
        return new FunctionSpec<>(name, APIGatewayCustomAuthorizerEvent.class, factory);
    }

    public static FunctionSpec<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> webSocket(
            String name,
            Supplier<? extends RequestHandler<APIGatewayV2WebSocketEvent,
                    APIGatewayV2WebSocketResponse>> factory) {
        return new FunctionSpec<>(name, APIGatewayV2WebSocketEvent.class, factory);
    }

    public static FunctionSpec<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> http(String name,
            Supplier<? extends RequestHandler<APIGatewayV2HTTPEvent,
                    APIGatewayV2HTTPResponse>> factory) {
        return new FunctionSpec<>(name, APIGatewayV2HTTPEvent.class, factory);
    }

    public static FunctionSpec<ScheduledEvent, Void> scheduled(String name,
            Supplier<? extends RequestHandler<ScheduledEvent, Void>> factory) {
        return new FunctionSpec<>(name, ScheduledEvent.class, factory);
    }
}
