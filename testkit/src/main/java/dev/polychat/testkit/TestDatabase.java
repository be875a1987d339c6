package dev.polychat.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Where the shared test PostgreSQL listens, and a way to empty it between tests. */
public record TestDatabase(String jdbcUrl, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Removes every row of the chat schema; the schema itself stays. */
    public void truncateAll() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE messages, memberships, rooms, users CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database", e);
        }
    }
}
