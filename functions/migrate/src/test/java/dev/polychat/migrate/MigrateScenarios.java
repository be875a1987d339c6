package dev.polychat.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polychat.core.config.ConfigException;
import dev.polychat.core.config.Env;
import dev.polychat.lambda.scenario.EventFixture;
import dev.polychat.lambda.scenario.LambdaContext;
import dev.polychat.testkit.ChatBackend;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migrate function on an empty database of the backend's PostgreSQL server, invoked as
 * the deploy's trigger invokes it: the schema appears and the app role can use it.
 */
public abstract class MigrateScenarios {
    private static final List<String> CHAT_TABLES = List.of("users", "rooms", "memberships",
            "messages");

    private String suffix;
    private String databaseUrl;

    /** Where PostgreSQL lives (the rest of the backend is not used here). */
    protected abstract ChatBackend backend();

    @BeforeEach
    void anEmptyDatabase() throws SQLException {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        suffix = HexFormat.of().formatHex(random);
        try (Connection server = serverConnection(); Statement sql = server.createStatement()) {
            sql.execute("CREATE DATABASE migrate_" + suffix);
        }
        databaseUrl = withDatabase(backend().environment().get("POLYCHAT_DATABASE_URL"),
                "migrate_" + suffix);
    }

    @Test
    void anEmptyDatabaseGetsTheSchemaAndAnAppRoleWithRightsOnTheChatTablesOnly()
            throws SQLException {
        String appUser = "polychat_app_" + suffix;

        Map<String, Object> result = migrate(appUser);

        assertThat(result).containsEntry("schemaVersion", "1");
        try (Connection database = ownerConnection()) {
            for (String table : CHAT_TABLES) {
                for (String right : List.of("SELECT", "INSERT", "UPDATE", "DELETE")) {
                    assertThat(privilege(database, appUser, table, right))
                            .as("%s on %s", right, table).isTrue();
                }
            }
            assertThat(privilege(database, appUser, "flyway_schema_history", "SELECT"))
                    .isFalse();
            assertThat(canLogIn(database, appUser)).isTrue();
        }
    }

    @Test
    void runningAgainOnAMigratedDatabaseChangesNothingAndSucceeds() {
        String appUser = "polychat_app_" + suffix;
        migrate(appUser);

        Map<String, Object> again = migrate(appUser);

        assertThat(again).containsEntry("schemaVersion", "1");
    }

    @Test
    void anAppUserThatIsNotAPlainSqlIdentifierIsRefusedBeforeTouchingTheDatabase() {
        assertThatThrownBy(() -> migrate("app; DROP TABLE users"))
                .isInstanceOfSatisfying(ConfigException.class, e ->
                        assertThat(e.variable()).isEqualTo("POLYCHAT_DATABASE_APP_USER"));
    }

    private Map<String, Object> migrate(String appUser) {
        Map<String, String> values = new HashMap<>(backend().environment());
        values.put("POLYCHAT_DATABASE_URL", databaseUrl);
        values.put("POLYCHAT_DATABASE_APP_USER", appUser);

        @SuppressWarnings("unchecked")
        Map<String, Object> event = EventFixture.load("events/migrate/trigger.json")
                .as(Map.class);
        return new MigrateHandler(Env.of(values)).handleRequest(event,
                new LambdaContext("polychat-migrate"));
    }

    /** The server's JDBC URL naming another database; parameters such as ?ssl are kept. */
    private static String withDatabase(String serverUrl, String database) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String parameters = query < 0 ? "" : serverUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }

    private static boolean privilege(Connection database, String role, String table,
            String right) throws SQLException {
        try (PreparedStatement query = database.prepareStatement(
                "SELECT has_table_privilege(?, ?, ?)")) {
            query.setString(1, role);
            query.setString(2, "public." + table);
            query.setString(3, right);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static boolean canLogIn(Connection database, String role) throws SQLException {
        try (PreparedStatement query = database.prepareStatement(
                "SELECT rolcanlogin FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private Connection serverConnection() throws SQLException {
        Map<String, String> env = backend().environment();
        return DriverManager.getConnection(env.get("POLYCHAT_DATABASE_URL"),
                env.get("POLYCHAT_DATABASE_USER"), env.get("POLYCHAT_DATABASE_PASSWORD"));
    }

    private Connection ownerConnection() throws SQLException {
        Map<String, String> env = backend().environment();
        return DriverManager.getConnection(databaseUrl, env.get("POLYCHAT_DATABASE_USER"),
                env.get("POLYCHAT_DATABASE_PASSWORD"));
    }
}
