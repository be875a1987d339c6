package dev.polychat.core.sql;

import dev.polychat.core.domain.User;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.error.ErrorCode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Users and their password hashes. */
public final class UserRepository {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    public UserRepository(Database database) {
        this.database = database;
    }

    /** A user with the hash to check a password against; never leaves the auth service. */
    public record Credentials(User user, String passwordHash) {
    }

    /** Creates the user; a taken username (any case) is {@code 409 username_taken}. */
    public User create(String username, String displayName, String passwordHash) {
        UUID id = UUID.randomUUID();
        String sql = "INSERT INTO users (id, username, display_name, password_hash)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (username) DO NOTHING";
        int inserted = database.run("creating a user", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, id);
                statement.setString(2, username);
                statement.setString(3, displayName);
                statement.setString(4, passwordHash);
                return statement.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return 0;
                }
                throw e;
            }
        });
        if (inserted == 0) {
            throw new ChatException(ErrorCode.USERNAME_TAKEN, "username is taken");
        }
        return new User(id.toString(), username, displayName);
    }

    public Optional<Credentials> findByUsername(String username) {
        String sql = "SELECT id, username, display_name, password_hash FROM users"
                + " WHERE username = ?";
        return database.run("finding a user", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, username);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next()
                            ? Optional.of(new Credentials(user(row), row.getString(4)))
                            : Optional.empty();
                }
            }
        });
    }

    public Optional<User> findById(UUID id) {
        String sql = "SELECT id, username, display_name FROM users WHERE id = ?";
        return database.run("finding a user", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, id);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(user(row)) : Optional.empty();
                }
            }
        });
    }

    private static User user(ResultSet row) throws SQLException {
        return new User(row.getObject(1, UUID.class).toString(), row.getString(2),
                row.getString(3));
    }
}
