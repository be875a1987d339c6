package dev.polychat.core.sql;

import dev.polychat.core.config.ConfigException;
import dev.polychat.core.config.Env;
import java.net.URI;
import java.util.Optional;

/**
 * Where PostgreSQL is and how to sign in: a password locally, an IAM token through RDS Proxy
 * in AWS, or (for the migrate function only) the master secret from Secrets Manager.
 *
 * <p>Variables: {@code POLYCHAT_DATABASE_URL} (jdbc:postgresql://host:port/db),
 * {@code POLYCHAT_DATABASE_USER}, {@code POLYCHAT_DATABASE_PASSWORD},
 * {@code POLYCHAT_DATABASE_IAM_AUTH} (true for IAM tokens), {@code POLYCHAT_DATABASE_SECRET_ARN}.
 */
public record DatabaseConfig(
        String jdbcUrl,
        String host,
        int port,
        Optional<String> user,
        String password,
        boolean iamAuth,
        Optional<String> secretArn) {

    public static final String URL = "POLYCHAT_DATABASE_URL";
    public static final String USER = "POLYCHAT_DATABASE_USER";
    public static final String PASSWORD = "POLYCHAT_DATABASE_PASSWORD";
    public static final String IAM_AUTH = "POLYCHAT_DATABASE_IAM_AUTH";
    public static final String SECRET_ARN = "POLYCHAT_DATABASE_SECRET_ARN";

    public static DatabaseConfig from(Env env) {
        String url = env.require(URL);
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException(URL, "must start with jdbc:postgresql://, got '" + url + "'");
        }
        URI parsed = URI.create(url.substring("jdbc:".length()));
        if (parsed.getHost() == null) {
            throw new ConfigException(URL, "must name a host");
        }
        boolean iam = env.flag(IAM_AUTH, false);
        Optional<String> secret = env.optional(SECRET_ARN);
        Optional<String> user = env.optional(USER);
        if (iam && user.isEmpty()) {
            throw new ConfigException(USER, "is required when " + IAM_AUTH + " is true");
        }
        if (!iam && secret.isEmpty() && user.isEmpty()) {
            throw new ConfigException(USER, "is required (or " + SECRET_ARN + ")");
        }
        int port = parsed.getPort() > 0 ? parsed.getPort() : 5432;
        return new DatabaseConfig(url, parsed.getHost(), port, user,
                env.string(PASSWORD, ""), iam, secret);
    }
}
