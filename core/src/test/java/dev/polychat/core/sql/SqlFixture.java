package dev.polychat.core.sql;

import dev.polychat.core.domain.Room;
import dev.polychat.core.domain.User;
import dev.polychat.testkit.SharedEngines;
import dev.polychat.testkit.TestDatabase;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/** Repositories over the shared test PostgreSQL, emptied before each test that asks. */
final class SqlFixture {
    final TestDatabase testDatabase = SharedEngines.postgres();
    final Database database = new Database(() -> {
        Properties properties = new Properties();
        properties.setProperty("user", testDatabase.user());
        properties.setProperty("password", testDatabase.password());
        properties.setProperty("prepareThreshold", "0");
        try {
            return DriverManager.getConnection(testDatabase.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw new DatabaseException("connecting", e);
        }
    });
    final UserRepository users = new UserRepository(database);
    final RoomRepository rooms = new RoomRepository(database);
    final MessageRepository messages = new MessageRepository(database);

    void reset() {
        testDatabase.truncateAll();
    }

    User user(String name) {
        return users.create(name, name.substring(0, 1).toUpperCase() + name.substring(1), "hash");
    }

    Room room(User creator, String name, boolean isPrivate) {
        return rooms.create(UUID.fromString(creator.id()), name, "", isPrivate);
    }

    static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
