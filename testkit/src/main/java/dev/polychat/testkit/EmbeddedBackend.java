package dev.polychat.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The chat on this machine's engines: the test JVM's shared embedded PostgreSQL and dynalite
 * ({@link SharedEngines}), and a signing key file of 32 random bytes made once per JVM.
 */
public final class EmbeddedBackend implements ChatBackend {
    private static EmbeddedBackend instance;

    private final Map<String, String> environment;

    private EmbeddedBackend(Map<String, String> environment) {
        this.environment = environment;
    }

    public static synchronized EmbeddedBackend shared() {
        if (instance == null) {
            TestDatabase database = SharedEngines.postgres();
            instance = new EmbeddedBackend(Map.of(
                    "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "test",
                    "AWS_SECRET_ACCESS_KEY", "test",
                    "POLYCHAT_DYNAMODB_ENDPOINT", SharedEngines.dynamoEndpoint(),
                    "POLYCHAT_DATABASE_URL", database.jdbcUrl(),
                    "POLYCHAT_DATABASE_USER", database.user(),
                    "POLYCHAT_DATABASE_PASSWORD", database.password(),
                    "POLYCHAT_JWT_KEY_FILE", signingKeyFile().toString()));
        }
        return instance;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public String name() {
        return "embedded";
    }

    private static Path signingKeyFile() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Path file = Files.createTempFile("polychat-jwt-", ".key");
            file.toFile().deleteOnExit();
            Files.writeString(file, Base64.getEncoder().encodeToString(key),
                    StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the test signing key", e);
        }
    }
}
