package dev.polychat.testkit;

import java.util.Map;

/**
 * Where a test's chat runs: the PostgreSQL, the DynamoDB endpoint and the token signing key,
 * as the environment variables the functions read. The handler scenarios are written against
 * this, so the same scenarios run on this machine's engines and on LocalStack.
 */
public interface ChatBackend {

    /**
     * {@code AWS_REGION}, credentials, {@code POLYCHAT_DYNAMODB_ENDPOINT},
     * {@code POLYCHAT_DATABASE_URL/_USER/_PASSWORD} and either {@code POLYCHAT_JWT_KEY_FILE} or
     * {@code POLYCHAT_JWT_SECRET_ARN} with {@code POLYCHAT_SECRETSMANAGER_ENDPOINT}.
     */
    Map<String, String> environment();

    /** A short name for reports: "embedded", "localstack". */
    String name();
}
