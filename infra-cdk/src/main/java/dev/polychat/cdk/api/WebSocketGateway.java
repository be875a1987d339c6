package dev.polychat.cdk.api;

import dev.polychat.cdk.Acks;
import dev.polychat.cdk.DeploySettings;
import dev.polychat.cdk.compute.ChatFunction;
import dev.polychat.cdk.compute.ChatFunctions;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.WebSocketLambdaAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.WebSocketLambdaIntegration;
import software.amazon.awscdk.services.apigateway.CfnAccount;
import software.amazon.awscdk.services.apigatewayv2.IWebSocketRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRouteOptions;
import software.amazon.awscdk.services.apigatewayv2.WebSocketStage;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The WebSocket API. Frames are routed on {@code $request.body.action}; {@code $connect} is
 * guarded by a REQUEST authorizer that reads the token from the query string (browsers cannot
 * set headers on a WebSocket). Every route but {@code $connect}/{@code $disconnect} has a
 * {@code $default} route response, because the handlers return their reply (ack, joined, pong,
 * error) as the integration's response body and API Gateway forwards it only then.
 *
 * <p>The API and stage exist before the functions, which need the {@code @connections}
 * endpoint; the routes are added once the functions exist.
 */
public final class WebSocketGateway extends Construct {
    /** Client actions and the function that answers each. */
    public static final List<String> MESSAGE_ROUTES =
            List.of("sendMessage", "joinRoom", "leaveRoom", "typing", "$default");
    public static final String HEARTBEAT_ROUTE = "heartbeat";

    /** Per stage, across all connections; the per-connection send limit is the app's. */
    static final double RATE_LIMIT = 500;
    static final int BURST_LIMIT = 1000;

    private final WebSocketApi api;
    private final WebSocketStage stage;

    public WebSocketGateway(Construct scope, String id, DeploySettings settings) {
        super(scope, id);

        api = WebSocketApi.Builder.create(this, "Api")
                .apiName("polychat-" + settings.stage())
                .description("PolyChat real-time chat")
                .routeSelectionExpression("$request.body.action")
                .build();
        CfnAccount logging = accountLogging();
        stage = WebSocketStage.Builder.create(this, "Stage")
                .webSocketApi(api)
                .stageName(settings.stage())
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(RATE_LIMIT).burstLimit(BURST_LIMIT).build())
                .accessLogSettings(AccessLogs.in(this, settings))
                .build();
        stage.getNode().addDependency(logging);
    }

    /**
     * WebSocket stages can log only once API Gateway has a CloudWatch role in the account's
     * settings for this region; a fresh account has none and the stage would fail to create.
     * The role outlives the stack: the setting is account-wide and other APIs may use it.
     */
    private CfnAccount accountLogging() {
        Role role = Role.Builder.create(this, "ApiGatewayLogsRole")
                .assumedBy(new ServicePrincipal("apigateway.amazonaws.com"))
                .description("API Gateway (account setting): writes API logs to CloudWatch")
                .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName(
                        "service-role/AmazonAPIGatewayPushToCloudWatchLogs")))
                .build();
        role.applyRemovalPolicy(RemovalPolicy.RETAIN);
        Acks.on(role, "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/"
                + "service-role/AmazonAPIGatewayPushToCloudWatchLogs]",
                "The AWS managed policy made for exactly this account-wide API Gateway role.");
        CfnAccount account = CfnAccount.Builder.create(this, "ApiGatewayAccount")
                .cloudWatchRoleArn(role.getRoleArn())
                .build();
        account.applyRemovalPolicy(RemovalPolicy.RETAIN);
        return account;
    }

    public WebSocketApi api() {
        return api;
    }

    public WebSocketStage stage() {
        return stage;
    }

    /** {@code wss://{api}.execute-api.{region}.amazonaws.com/{stage}} */
    public String url() {
        return stage.getUrl();
    }

    public void addRoutes(ChatFunctions functions) {
        IWebSocketRouteAuthorizer authorizer = new WebSocketLambdaAuthorizer("TokenAuthorizer",
                functions.authorizer().alias(), WebSocketLambdaAuthorizerProps.builder()
                        .identitySource(List.of("route.request.querystring.token"))
                        .build());
        api.addRoute("$connect", WebSocketRouteOptions.builder()
                .integration(integration("Connect", functions.connect()))
                .authorizer(authorizer)
                .build());
        api.addRoute("$disconnect", WebSocketRouteOptions.builder()
                .integration(integration("Disconnect", functions.disconnect()))
                .build());

        WebSocketLambdaIntegration message = integration("Message", functions.message());
        for (String route : MESSAGE_ROUTES) {
            api.addRoute(route, answered(message));
        }
        api.addRoute(HEARTBEAT_ROUTE, answered(integration("Heartbeat", functions.heartbeat())));

        // Authorization happens once, at $connect; API Gateway allows no authorizer elsewhere.
        Acks.on(api, "AwsSolutions-APIG4",
                "$connect has a Lambda authorizer; WebSocket APIs authorize only at connect,"
                        + " and every later frame belongs to that authorized connection.");
    }

    private static WebSocketRouteOptions answered(WebSocketLambdaIntegration integration) {
        return WebSocketRouteOptions.builder().integration(integration).returnResponse(true)
                .build();
    }

    private static WebSocketLambdaIntegration integration(String id, ChatFunction function) {
        return new WebSocketLambdaIntegration(id, function.alias());
    }
}
