package dev.polychat.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polychat.core.domain.Room;
import dev.polychat.core.domain.User;
import dev.polychat.engines.FreePort;
import dev.polychat.engines.PostgresEngine;
import dev.polychat.schema.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL going away mid-conversation: the sender gets an error, nothing half-done is
 * left, and once the database is back a retry with the same clientMsgId stores exactly one.
 */
class DatabaseOutageTest {
    private final int port = FreePort.find();
    private Path folder;
    private PostgresEngine engine;

    @AfterEach
    void stopDatabase() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aSendDuringAnOutageFailsAndItsRetryAfterwardsStoresExactlyOneMessage() throws Exception {
        folder = Files.createTempDirectory("polychat-outage");
        engine = PostgresEngine.start(folder, port);
        Migrations.migrate(engine.jdbcUrl(), engine.user(), engine.password());
        Database database = new Database(this::connect);
        MessageRepository messages = new MessageRepository(database);
        User alice = new UserRepository(database).create("alice", "Alice", "hash");
        Room room = new RoomRepository(database).create(UUID.fromString(alice.id()), "r", "",
                false);
        UUID roomId = UUID.fromString(room.id());
        UUID sender = UUID.fromString(alice.id());
        messages.send(roomId, sender, "before", "warm the connection");

        engine.close();
        engine = null;

        assertThatThrownBy(() -> messages.send(roomId, sender, "during", "lost?"))
                .isInstanceOf(DatabaseException.class);

        engine = PostgresEngine.start(folder, port);
        MessageRepository.Sent retried = messages.send(roomId, sender, "during", "lost?");
        MessageRepository.Sent again = messages.send(roomId, sender, "during", "lost?");

        assertThat(retried.created()).isTrue();
        assertThat(retried.message().seq()).isEqualTo(2);
        assertThat(again.created()).isFalse();
        assertThat(messages.before(roomId, null, 50).messages()).hasSize(2);
    }

    private java.sql.Connection connect() {
        Properties properties = new Properties();
        properties.setProperty("user", PostgresEngine.USER);
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "2");
        try {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/"
                    + PostgresEngine.DATABASE, properties);
        } catch (SQLException e) {
            throw new DatabaseException("connecting", e);
        }
    }
}
