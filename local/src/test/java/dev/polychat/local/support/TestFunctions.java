package dev.polychat.local.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.Env;
import dev.polychat.local.FunctionSpec;
import dev.polychat.local.Functions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/**
 * Small handlers that stand in for PolyChat's, each showing one gateway behaviour: tokens
 * {@code good-<user>} are allowed, {@code deny} gets a Deny policy, anything else is refused;
 * the user {@code refused} is turned away by $connect. Routes: {@code echo} answers with what
 * it got, {@code quiet} answers nothing, {@code explode} throws, {@code postBack} answers
 * through {@code @connections} with the SDK client. Every event lands in the {@link EventLog}.
 */
public final class TestFunctions {
    public final AtomicInteger sweeps = new AtomicInteger();
    private final EventLog log;

    public TestFunctions(EventLog log) {
        this.log = log;
    }

    public Functions create(Env env) {
        var routes = FunctionSpec.webSocket("test-routes", () -> (event, context) -> {
            log.webSocket.add(event);
            String route = event.getRequestContext().getRouteKey();
            return switch (route) {
                case "echo" -> reply("echo:" + event.getBody());
                case "quiet" -> status(200);
                case "explode" -> throw new IllegalStateException("route failed on purpose");
                case "postBack" -> postBack(env, event.getRequestContext().getConnectionId(),
                        event.getBody());
                default -> reply("default:" + event.getBody());
            };
        });
        return new Functions(
                FunctionSpec.authorizer("test-authorizer", () -> (event, context) -> {
                    log.authorizer.add(event);
                    return authorize(event.getQueryStringParameters().get("token"),
                            event.getMethodArn());
                }),
                FunctionSpec.webSocket("test-connect", () -> (event, context) -> {
                    log.webSocket.add(event);
                    Object user = event.getRequestContext().getAuthorizer().get("userId");
                    return status("refused".equals(user) ? 403 : 200);
                }),
                FunctionSpec.webSocket("test-disconnect", () -> (event, context) -> {
                    log.webSocket.add(event);
                    return status(200);
                }),
                Map.of("echo", routes, "quiet", routes, "explode", routes, "postBack", routes,
                        "$default", routes),
                FunctionSpec.http("test-auth", () -> (event, context) -> {
                    log.http.add(event);
                    return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                            .withBody("auth:" + event.getRawPath()).build();
                }),
                FunctionSpec.http("test-history", () -> (event, context) -> {
                    log.http.add(event);
                    if (event.getRawPath().endsWith("/boom")) {
                        throw new IllegalStateException("history failed on purpose");
                    }
                    return echoEvent(event);
                }),
                FunctionSpec.scheduled("test-sweep", () -> (event, context) -> {
                    log.scheduled.add(event);
                    if (sweeps.incrementAndGet() == 1) {
                        throw new IllegalStateException("the first sweep fails on purpose");
                    }
                    return null;
                }));
    }

    private static IamPolicyResponseV1 authorize(String token, String methodArn) {
        if ("deny".equals(token)) {
            return policy("denied", "Deny", methodArn);
        }
        if (token == null || !token.startsWith("good-")) {
            throw new RuntimeException("Unauthorized");
        }
        IamPolicyResponseV1 allow = policy(token.substring(5), "Allow", methodArn);
        allow.setContext(Map.of("userId", token.substring(5), "plan", "test"));
        return allow;
    }

    private static IamPolicyResponseV1 policy(String principal, String effect, String arn) {
        return IamPolicyResponseV1.builder()
                .withPrincipalId(principal)
                .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                        .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                        .withStatement(List.of(effect.equals("Allow")
                                ? IamPolicyResponseV1.allowStatement(arn)
                                : IamPolicyResponseV1.denyStatement(arn)))
                        .build())
                .build();
    }

    /** Posts through the real SDK client, as PolyChat's fan-out does. */
    private static APIGatewayV2WebSocketResponse postBack(Env env, String connectionId,
            String body) {
        try (ApiGatewayManagementApiAsyncClient client = AwsClients.connections(env)) {
            client.postToConnection(b -> b.connectionId(connectionId)
                    .data(SdkBytes.fromUtf8String("pushed:" + body))).join();
        }
        return status(200);
    }

    /** Answers with the event itself, as the runtime serializer writes it. */
    private static APIGatewayV2HTTPResponse echoEvent(APIGatewayV2HTTPEvent event) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                TestFunctions.class.getClassLoader()).toJson(event, json);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("content-type", "application/json", "x-test", "yes"))
                .withCookies(List.of("session=abc; Path=/"))
                .withBody(json.toString(StandardCharsets.UTF_8))
                .build();
    }

    private static APIGatewayV2WebSocketResponse reply(String body) {
        APIGatewayV2WebSocketResponse response = status(200);
        response.setBody(body);
        return response;
    }

    private static APIGatewayV2WebSocketResponse status(int status) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(status);
        return response;
    }
}
