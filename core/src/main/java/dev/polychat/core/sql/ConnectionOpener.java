package dev.polychat.core.sql;

import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.Env;
import dev.polychat.core.json.Json;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Opens JDBC connections ready for RDS Proxy: no server-side prepared statements
 * ({@code prepareThreshold=0}) and no session-level {@code SET}, both of which pin a proxy
 * session; the password is a fresh IAM token each time when IAM auth is on.
 */
public final class ConnectionOpener implements Supplier<Connection> {
    private final DatabaseConfig config;
    private final Supplier<String> user;
    private final Supplier<String> password;

    private ConnectionOpener(DatabaseConfig config, Supplier<String> user,
            Supplier<String> password) {
        this.config = config;
        this.user = user;
        this.password = password;
    }

    public static ConnectionOpener from(Env env) {
        DatabaseConfig config = DatabaseConfig.from(env);
        if (config.iamAuth()) {
            IamAuthToken token = new IamAuthToken(AwsClients.credentials(env),
                    AwsClients.region(env), Clock.systemUTC());
            String dbUser = config.user().orElseThrow();
            return new ConnectionOpener(config, () -> dbUser,
                    () -> token.generate(config.host(), config.port(), dbUser));
        }
        if (config.secretArn().isPresent()) {
            MasterSecret secret = MasterSecret.read(AwsClients.secrets(env),
                    config.secretArn().get());
            return new ConnectionOpener(config, secret::username, secret::password);
        }
        String dbUser = config.user().orElseThrow();
        return new ConnectionOpener(config, () -> dbUser, config::password);
    }

    @Override
    public Connection get() {
        Properties properties = new Properties();
        properties.setProperty("user", user.get());
        properties.setProperty("password", password.get());
        properties.setProperty("prepareThreshold", "0");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "polychat");
        try {
            return DriverManager.getConnection(config.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw new DatabaseException("connecting to " + config.host() + ":" + config.port(), e);
        }
    }

    /** The RDS-generated secret: JSON with username and password. */
    record MasterSecret(String username, String password) {
        static MasterSecret read(SecretsManagerClient secrets, String arn) {
            String text = secrets.getSecretValue(b -> b.secretId(arn)).secretString();
            try {
                var node = Json.read(text);
                return new MasterSecret(node.path("username").asText(),
                        node.path("password").asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("database secret " + arn + " is not JSON", e);
            }
        }
    }
}
