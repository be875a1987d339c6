package dev.polychat.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polychat.core.json.Json;
import dev.polychat.local.LocalStack;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users and history live in the data folder and survive a restart of the stack. */
class RestartContractTest {

    @Test
    void usersRoomsAndHistorySurviveARestart(@TempDir Path data) {
        String username;
        String roomId;

        try (LocalStack first = ContractStack.start(data)) {
            Chat chat = new Chat(first.baseUri());
            Chat.Person alice = chat.signUp("alice");
            username = alice.username();
            roomId = chat.createRoom(alice, "lasting", false);
            try (Socket socket = chat.connect(alice)) {
                socket.send(Chat.sendMessage(roomId, "keep-1", "remember me"));
                socket.next("ack");
            }
        }

        try (LocalStack second = ContractStack.start(data)) {
            Chat chat = new Chat(second.baseUri());
            Api.Reply login = chat.api.post("/api/auth/login", null, Json.write(Json.object()
                    .put("username", username).put("password", "correct horse battery")));
            String token = login.json().path("token").asText();

            assertThat(login.status()).isEqualTo(200);
            Api.Reply history = chat.api.get("/api/rooms/" + roomId + "/messages", token);
            assertThat(history.json().path("messages").get(0).path("body").asText())
                    .isEqualTo("remember me");
            try (Socket socket = Socket.open(chat.webSocket, token)) {
                socket.send(Chat.sendMessage(roomId, "keep-2", "and me"));
                assertThat(socket.next("ack").path("seq").asLong()).isEqualTo(2);
            }
        }
    }
}
