package dev.polychat.core.dynamo;

import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.Env;
import dev.polychat.testkit.SharedEngines;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * PolyChat's tables on the test JVM's shared dynalite, under names of the test class's own, and
 * a client that counts its calls. Tests within a class keep apart by using fresh ids.
 */
final class DynaliteTables implements AutoCloseable {
    final Env env;
    final CountingInterceptor counter = new CountingInterceptor();
    final DynamoDbClient client;

    private DynaliteTables(Env env) {
        this.env = env;
        this.client = DynamoDbClient.builder()
                .region(AwsClients.region(env))
                .credentialsProvider(AwsClients.credentials(env))
                .endpointOverride(URI.create(env.require(AwsClients.DYNAMODB_ENDPOINT)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter))
                .build();
    }

    /** Creates the tables named after {@code owner} unless they exist. */
    static DynaliteTables forClass(Class<?> owner) {
        Map<String, String> values = new HashMap<>(Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                AwsClients.DYNAMODB_ENDPOINT, SharedEngines.dynamoEndpoint()));
        for (TableSpec spec : Tables.ALL) {
            values.put(spec.nameVariable(), owner.getSimpleName() + "-" + spec.logicalName());
        }
        Env env = Env.of(values);

        try (DynamoDbClient admin = AwsClients.dynamo(env)) {
            new TableAdmin(admin).createMissing(env);
        }
        return new DynaliteTables(env);
    }

    String name(TableSpec spec) {
        return Tables.name(spec, env);
    }

    @Override
    public void close() {
        client.close();
    }
}
