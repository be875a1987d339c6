package dev.polychat.cdk.api;

import dev.polychat.cdk.Acks;
import dev.polychat.cdk.DeploySettings;
import dev.polychat.cdk.compute.ChatFunctions;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.constructs.Construct;

/**
 * The HTTP API under {@code /api}: {@code /api/auth/*} goes to the auth function, every other
 * {@code /api/*} path to the history function (the more specific route wins). Lambda proxy
 * integrations with payload format 2.0.
 *
 * <p>No API Gateway authorizer: the handlers verify the bearer token themselves (HS256 with the
 * signing key from Secrets Manager). API Gateway's JWT authorizer only accepts tokens from an
 * OIDC issuer whose keys it can fetch, and PolyChat signs its own tokens with a shared secret.
 * CORS admits the web app's origin only; API Gateway answers preflight requests itself.
 */
public final class RestGateway extends Construct {
    static final double RATE_LIMIT = 200;
    static final int BURST_LIMIT = 400;

    private final HttpApi api;
    private final HttpStage stage;

    public RestGateway(Construct scope, String id, DeploySettings settings, String webOrigin,
            ChatFunctions functions) {
        super(scope, id);

        api = HttpApi.Builder.create(this, "Api")
                .apiName("polychat-" + settings.stage() + "-rest")
                .description("PolyChat REST: accounts, rooms, history")
                .createDefaultStage(false)
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(List.of(webOrigin))
                        .allowMethods(List.of(CorsHttpMethod.GET, CorsHttpMethod.POST,
                                CorsHttpMethod.DELETE, CorsHttpMethod.OPTIONS))
                        .allowHeaders(List.of("authorization", "content-type"))
                        .maxAge(Duration.hours(1))
                        .build())
                .build();
        stage = api.addStage("Stage", HttpStageOptions.builder()
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(RATE_LIMIT).burstLimit(BURST_LIMIT).build())
                .accessLogSettings(AccessLogs.in(this, settings))
                .build());

        api.addRoutes(AddRoutesOptions.builder()
                .path("/api/auth/{proxy+}")
                .methods(List.of(HttpMethod.ANY))
                .integration(new HttpLambdaIntegration("Auth", functions.auth().alias()))
                .build());
        api.addRoutes(AddRoutesOptions.builder()
                .path("/api/{proxy+}")
                .methods(List.of(HttpMethod.ANY))
                .integration(new HttpLambdaIntegration("History", functions.history().alias()))
                .build());

        Acks.on(api, "AwsSolutions-APIG4",
                "The handlers verify the HS256 bearer token themselves; API Gateway's JWT"
                        + " authorizer needs an OIDC issuer, which PolyChat does not run.");
    }

    public HttpApi api() {
        return api;
    }

    public HttpStage stage() {
        return stage;
    }

    /** The base URL the web app calls: {@code https://{api}.execute-api.{region}.../api}. */
    public String baseUrl() {
        return api.getApiEndpoint() + "/api";
    }
}
