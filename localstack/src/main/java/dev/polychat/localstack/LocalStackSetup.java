package dev.polychat.localstack;

import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.ConfigException;
import dev.polychat.core.config.Env;
import dev.polychat.core.dynamo.TableAdmin;
import dev.polychat.core.sql.DatabaseConfig;
import dev.polychat.schema.Migrations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Readies a LocalStack (and a PostgreSQL) for PolyChat from the definitions the code uses:
 * the DynamoDB tables from their {@code TableSpec}s through {@link TableAdmin}, the signing
 * secret, and the Flyway migrations when a database is configured. Safe to run again.
 *
 * <p>docker-compose runs it once both services are healthy; the Testcontainers tests call
 * {@link #run} directly. Variables: those of {@link AwsClients} (the DynamoDB and Secrets
 * Manager endpoints pointing at LocalStack), {@code POLYCHAT_TABLE_*},
 * {@code POLYCHAT_JWT_SECRET_NAME} ({@value SigningSecret#DEFAULT_NAME}) and optionally
 * {@code POLYCHAT_DATABASE_URL/_USER/_PASSWORD}.
 */
public final class LocalStackSetup {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStackSetup.class);
    private static final Duration WAIT_FOR_LOCALSTACK = Duration.ofSeconds(90);

    private LocalStackSetup() {
    }

    /** What the setup made: the ARN to hand the functions as POLYCHAT_JWT_SECRET_ARN. */
    public record Result(String signingSecretArn) {
    }

    public static void main(String[] args) {
        Result result;
        try {
            result = run(Env.system());
        } catch (ConfigException e) {
            System.err.println("polychat setup: " + e.getMessage());
            System.exit(1);
            return;
        }
        // The one line a developer copies into the functions' environment.
        System.out.println("POLYCHAT_JWT_SECRET_ARN=" + result.signingSecretArn());
    }

    public static Result run(Env env) {
        try (DynamoDbClient dynamo = AwsClients.dynamo(env);
                SecretsManagerClient secrets = AwsClients.secrets(env)) {
            awaitDynamo(dynamo);
            new TableAdmin(dynamo).createMissing(env);

            String arn = SigningSecret.ensure(secrets,
                    env.string("POLYCHAT_JWT_SECRET_NAME", SigningSecret.DEFAULT_NAME));

            Optional<String> url = env.optional(DatabaseConfig.URL);
            if (url.isPresent()) {
                DatabaseConfig database = DatabaseConfig.from(env);
                Migrations.migrate(database.jdbcUrl(), database.user().orElseThrow(),
                        database.password());
            }
            return new Result(arn);
        }
    }

    /** LocalStack answers on its port before DynamoDB is ready; wait, bounded. */
    private static void awaitDynamo(DynamoDbClient dynamo) {
        Instant deadline = Instant.now().plus(WAIT_FOR_LOCALSTACK);
        while (true) {
            try {
                dynamo.listTables(b -> b.limit(1));
                return;
            } catch (SdkException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("DynamoDB did not answer within "
                            + WAIT_FOR_LOCALSTACK.toSeconds() + " s at "
                            + dynamo.serviceClientConfiguration().endpointOverride()
                                    .map(Object::toString).orElse("the default endpoint"),
                            notYet);
                }
                LOG.info("waiting for DynamoDB: {}", notYet.getMessage());
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for LocalStack", e);
        }
    }
}
