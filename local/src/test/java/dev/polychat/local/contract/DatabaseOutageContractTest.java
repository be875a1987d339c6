package dev.polychat.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.engines.FreePort;
import dev.polychat.engines.PostgresEngine;
import dev.polychat.local.LocalStack;
import dev.polychat.local.Settings;
import dev.polychat.testkit.Repo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL shut down mid-conversation: the sender gets an error (never a silent loss), and
 * once the database is back a retry with the same clientMsgId stores exactly one message.
 */
class DatabaseOutageContractTest {

    @Test
    void aSendDuringAnOutageGetsAnErrorAndItsRetryStoresExactlyOne(@TempDir Path folder) {
        int port = FreePort.find();
        PostgresEngine database = PostgresEngine.start(folder.resolve("pg"), port);
        Settings settings = Settings.builder(Repo.root()).port(0)
                .dataFolder(folder.resolve("data"))
                .database(database.jdbcUrl(), database.user(), database.password())
                .build();

        try (LocalStack stack = LocalStack.start(settings)) {
            Chat chat = new Chat(stack.baseUri());
            Chat.Person alice = chat.signUp("alice");
            String room = chat.createRoom(alice, "fragile", false);
            try (Socket socket = chat.connect(alice)) {
                socket.send(Chat.sendMessage(room, "before", "all well"));
                socket.next("ack");

                database.close();
                socket.send(Chat.sendMessage(room, "during", "will it be lost?"));
                JsonNode error = socket.next("error");
                assertThat(error.path("code").asText()).isEqualTo("internal");
                assertThat(error.path("clientMsgId").asText()).isEqualTo("during");

                database = PostgresEngine.start(folder.resolve("pg"), port);
                socket.send(Chat.sendMessage(room, "during", "will it be lost?"));
                JsonNode ack = socket.next("ack");
                socket.send(Chat.sendMessage(room, "during", "will it be lost?"));
                JsonNode again = socket.next("ack");

                assertThat(ack.path("seq").asLong()).isEqualTo(2);
                assertThat(again.path("messageId").asText())
                        .isEqualTo(ack.path("messageId").asText());
            }
            assertThat(chat.history(alice, room, "").path("messages")).hasSize(2);
        } finally {
            database.close();
        }
    }
}
