package dev.polychat.localstack;

import dev.polychat.core.config.Env;
import dev.polychat.testkit.ChatBackend;
import java.util.HashMap;
import java.util.Map;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The chat on containers: LocalStack's DynamoDB and Secrets Manager (the signing key is a
 * secret, as in AWS) and PostgreSQL 17. Started once per test JVM on first use and readied
 * by {@link LocalStackSetup}, the same code docker-compose runs.
 */
final class LocalStackBackend implements ChatBackend {
    private static final int LOCALSTACK_PORT = 4566;
    private static final int POSTGRES_PORT = 5432;

    private static LocalStackBackend instance;

    private final Map<String, String> environment;

    private LocalStackBackend(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    static synchronized LocalStackBackend shared() {
        if (instance == null) {
            instance = start(LocalStackImage.choose(System.getenv()));
        }
        return instance;
    }

    private static LocalStackBackend start(LocalStackImage image) {
        LocalStackContainer localstack = new LocalStackContainer(DockerImageName
                .parse(image.name()).asCompatibleSubstituteFor("localstack/localstack"))
                .withServices("dynamodb", "secretsmanager");
        image.authToken().ifPresent(token -> localstack.withEnv("LOCALSTACK_AUTH_TOKEN", token));
        LoopbackPorts.publish(localstack, LOCALSTACK_PORT);

        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine")
                .withDatabaseName("polychat");
        LoopbackPorts.publish(postgres, POSTGRES_PORT);

        Startables.deepStart(localstack, postgres).join();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            localstack.stop();
            postgres.stop();
        }));

        Map<String, String> values = new HashMap<>(Map.of(
                "AWS_REGION", localstack.getRegion(),
                "AWS_ACCESS_KEY_ID", localstack.getAccessKey(),
                "AWS_SECRET_ACCESS_KEY", localstack.getSecretKey(),
                "POLYCHAT_DYNAMODB_ENDPOINT", localstack.getEndpoint().toString(),
                "POLYCHAT_SECRETSMANAGER_ENDPOINT", localstack.getEndpoint().toString(),
                "POLYCHAT_DATABASE_URL", postgres.getJdbcUrl(),
                "POLYCHAT_DATABASE_USER", postgres.getUsername(),
                "POLYCHAT_DATABASE_PASSWORD", postgres.getPassword()));
        LocalStackSetup.Result setup = LocalStackSetup.run(Env.of(values));
        values.put("POLYCHAT_JWT_SECRET_ARN", setup.signingSecretArn());
        return new LocalStackBackend(values);
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public String name() {
        return "localstack";
    }
}
