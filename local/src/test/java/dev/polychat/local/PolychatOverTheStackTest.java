package dev.polychat.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.json.Json;
import dev.polychat.local.support.Http;
import dev.polychat.local.support.TestSocket;
import dev.polychat.testkit.Repo;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PolyChat's own handlers behind the local gateway: the wiring, end to end. */
class PolychatOverTheStackTest {
    @TempDir
    static Path data;

    private static LocalStack stack;
    private static Http http;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(Settings.builder(Repo.root()).port(0).dataFolder(data).build());
        http = new Http(stack.baseUri());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aMessageSentOverTheSocketIsAckedAndDeliveredToTheSender() throws Exception {
        String token = register("grace");
        String roomId = Http.json(http.post("/api/rooms", "{\"name\":\"general\"}", token))
                .path("room").path("id").asText();

        try (TestSocket socket = TestSocket.connect(http.client(), ws(token))) {
            socket.send("{\"action\":\"sendMessage\",\"roomId\":\"" + roomId
                    + "\",\"clientMsgId\":\"c1\",\"body\":\"hello\"}");

            JsonNode first = Json.read(socket.next());
            JsonNode second = Json.read(socket.next());
            assertThat(List.of(first.path("type").asText(), second.path("type").asText()))
                    .containsExactlyInAnyOrder("ack", "message");
        }
    }

    @Test
    void aHeartbeatIsAnsweredWithPong() throws Exception {
        String token = register("linus");

        try (TestSocket socket = TestSocket.connect(http.client(), ws(token))) {
            socket.send("{\"action\":\"heartbeat\"}");

            assertThat(Json.read(socket.next()).path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void aBadTokenIsRefusedAtTheUpgrade() {
        assertThat(TestSocket.refusal(http.client(), ws("not.a.token"))).isEqualTo(401);
    }

    private static String register(String username) {
        return Http.json(http.post("/api/auth/register", "{\"username\":\"" + username
                + "\",\"password\":\"long enough\"}", null)).path("token").asText();
    }

    private static URI ws(String token) {
        return URI.create("ws://127.0.0.1:" + stack.port() + "/ws?token=" + token);
    }
}
