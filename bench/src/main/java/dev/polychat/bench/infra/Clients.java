package dev.polychat.bench.infra;

import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.Env;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SDK clients built the production way, with the bench's counters attached. */
public final class Clients {
    private Clients() {
    }

    /** A DynamoDB client as the functions build it, plus {@code counters} (may be null). */
    public static DynamoDbClient dynamo(Map<String, String> env, DynamoCounters counters) {
        List<ExecutionInterceptor> interceptors = new ArrayList<>();
        if (counters != null) {
            interceptors.addAll(counters.interceptors());
        }
        return AwsClients.dynamo(Env.of(env), interceptors);
    }
}
