package dev.polychat.core.aws;

import dev.polychat.core.config.ConfigException;
import dev.polychat.core.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the SDK clients from configuration: explicit region, explicit light HTTP clients, and
 * endpoints overridable for the local stack and LocalStack. Each function builds its clients
 * once per execution environment and keeps them; tests hand in their own.
 *
 * <p>Variables: {@code AWS_REGION} (required), {@code POLYCHAT_DYNAMODB_ENDPOINT},
 * {@code POLYCHAT_SECRETSMANAGER_ENDPOINT} (optional overrides) and
 * {@code POLYCHAT_CONNECTIONS_ENDPOINT} (the WebSocket API's management endpoint).
 */
public final class AwsClients {
    public static final String REGION = "AWS_REGION";
    public static final String DYNAMODB_ENDPOINT = "POLYCHAT_DYNAMODB_ENDPOINT";
    public static final String SECRETSMANAGER_ENDPOINT = "POLYCHAT_SECRETSMANAGER_ENDPOINT";
    public static final String CONNECTIONS_ENDPOINT = "POLYCHAT_CONNECTIONS_ENDPOINT";

    /** Posts in flight at once per function instance; more was measured to be slower. */
    public static final int MAX_CONCURRENT_POSTS = 64;

    private AwsClients() {
    }

    public static Region region(Env env) {
        return Region.of(env.require(REGION));
    }

    public static DynamoDbClient dynamo(Env env) {
        return dynamo(env, List.of());
    }

    /** A DynamoDB client whose requests also pass these interceptors (counting, tracing). */
    public static DynamoDbClient dynamo(Env env, List<ExecutionInterceptor> interceptors) {
        var builder = DynamoDbClient.builder()
                .region(region(env))
                .credentialsProvider(credentials(env))
                .httpClient(syncHttp())
                .overrideConfiguration(c -> c.executionInterceptors(interceptors));
        env.uri(DYNAMODB_ENDPOINT).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SecretsManagerClient secrets(Env env) {
        var builder = SecretsManagerClient.builder()
                .region(region(env))
                .credentialsProvider(credentials(env))
                .httpClient(syncHttp());
        env.uri(SECRETSMANAGER_ENDPOINT).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Where posts to connections go; checked at start-up by every function that posts. */
    public static URI connectionsEndpoint(Env env) {
        return env.uri(CONNECTIONS_ENDPOINT).orElseThrow(() -> new ConfigException(
                CONNECTIONS_ENDPOINT, "is required: the WebSocket API's @connections endpoint,"
                        + " https://{api}.execute-api.{region}.amazonaws.com/{stage}"));
    }

    /** The Management API client that posts to connections; async so posts overlap. */
    public static ApiGatewayManagementApiAsyncClient connections(Env env) {
        URI endpoint = env.uri(CONNECTIONS_ENDPOINT).orElseThrow(() ->
                new dev.polychat.core.config.ConfigException(CONNECTIONS_ENDPOINT,
                        "is required: the WebSocket API's @connections endpoint,"
                                + " https://{api}.execute-api.{region}.amazonaws.com/{stage}"));
        return ApiGatewayManagementApiAsyncClient.builder()
                .region(region(env))
                .credentialsProvider(credentials(env))
                .endpointOverride(endpoint)
                .httpClient(asyncHttp())
                .build();
    }

    static SdkHttpClient syncHttp() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    static SdkAsyncHttpClient asyncHttp() {
        return new JdkAsyncHttpClient(MAX_CONCURRENT_POSTS, Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }

    /**
     * Keys in the configuration win (the local stack, LocalStack); otherwise the default chain,
     * which inside Lambda reads the function's role credentials, also after a SnapStart restore.
     */
    public static AwsCredentialsProvider credentials(Env env) {
        var key = env.optional("AWS_ACCESS_KEY_ID");
        var secret = env.optional("AWS_SECRET_ACCESS_KEY");
        if (key.isPresent() && secret.isPresent()
                && env.optional("AWS_CONTAINER_CREDENTIALS_FULL_URI").isEmpty()) {
            var session = env.optional("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(session.isPresent()
                    ? AwsSessionCredentials.create(key.get(), secret.get(), session.get())
                    : AwsBasicCredentials.create(key.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
