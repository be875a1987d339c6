package dev.polychat.migrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.ConfigException;
import dev.polychat.core.config.Env;
import dev.polychat.core.json.Json;
import dev.polychat.core.sql.DatabaseConfig;
import dev.polychat.schema.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on every deploy, before traffic: applies the Flyway migrations as the database owner
 * (the master secret, straight to the database rather than through the proxy), then makes sure
 * the IAM database user the functions sign in as exists with rights on the chat tables only.
 * Any failure throws, which fails the deployment.
 *
 * <p>Variables: {@code POLYCHAT_DATABASE_URL}, {@code POLYCHAT_DATABASE_SECRET_ARN},
 * {@code POLYCHAT_DATABASE_APP_USER}.
 */
public final class MigrateHandler
        implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(MigrateHandler.class);
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String APP_USER = "POLYCHAT_DATABASE_APP_USER";

    private final Env env;

    public MigrateHandler() {
        this(Env.system());
    }

    public MigrateHandler(Env env) {
        this.env = env;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        DatabaseConfig config = DatabaseConfig.from(env);
        String appUser = env.require(APP_USER);
        if (!ROLE_NAME.matcher(appUser).matches()) {
            throw new ConfigException(APP_USER, "must be a lower-case SQL identifier");
        }
        String[] owner = ownerCredentials(config);
        String version = Migrations.migrate(config.jdbcUrl(), owner[0], owner[1]);
        grantAppUser(config.jdbcUrl(), owner, appUser);
        LOG.info("database at schema version {}; app user {} ready", version, appUser);
        return Map.of("schemaVersion", version == null ? "none" : version);
    }

    private String[] ownerCredentials(DatabaseConfig config) {
        if (config.secretArn().isEmpty()) {
            return new String[] {config.user().orElseThrow(), config.password()};
        }
        try (var secrets = AwsClients.secrets(env)) {
            String text = secrets.getSecretValue(b -> b.secretId(config.secretArn().get()))
                    .secretString();
            JsonNode secret = Json.read(text);
            return new String[] {secret.path("username").asText(),
                    secret.path("password").asText()};
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the database secret is not JSON", e);
        }
    }

    private static void grantAppUser(String url, String[] owner, String appUser) {
        try (Connection connection = DriverManager.getConnection(url, owner[0], owner[1]);
                Statement sql = connection.createStatement()) {
            sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
                    + appUser + "') THEN CREATE ROLE " + appUser + " LOGIN; END IF; END $$");
            // rds_iam exists only on RDS and Aurora; elsewhere (tests) the role signs in as is.
            sql.execute("DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'rds_iam')"
                    + " THEN GRANT rds_iam TO " + appUser + "; END IF; END $$");
            sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON users, rooms, memberships,"
                    + " messages TO " + appUser);
        } catch (SQLException e) {
            throw new IllegalStateException("granting the app user failed: " + e.getMessage(), e);
        }
    }
}
