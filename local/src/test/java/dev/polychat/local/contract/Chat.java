package dev.polychat.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polychat.core.json.Json;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers that read like the contract: people sign up, make rooms, open sockets, send. */
final class Chat {
    private static final AtomicInteger NAMES = new AtomicInteger();

    final Api api;
    final URI webSocket;

    Chat(URI base) {
        this.api = new Api(base);
        this.webSocket = URI.create(base.toString().replaceFirst("^http", "ws")).resolve("/ws");
    }

    /** A signed-up person: their token and user. */
    record Person(String token, String id, String username, String displayName) {
    }

    Person signUp(String prefix) {
        String username = prefix + "-" + NAMES.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        Api.Reply reply = api.post("/api/auth/register", null, Json.write(Json.object()
                .put("username", username).put("password", "correct horse battery")
                .put("displayName", capitalised(prefix))));
        if (reply.status() != 201) {
            throw new AssertionError("sign-up failed: " + reply.status() + " " + reply.text());
        }
        JsonNode user = reply.json().path("user");
        return new Person(reply.json().path("token").asText(), user.path("id").asText(),
                user.path("username").asText(), user.path("displayName").asText());
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    String createRoom(Person owner, String name, boolean isPrivate) {
        Api.Reply reply = api.post("/api/rooms", owner.token(), Json.write(Json.object()
                .put("name", name).put("private", isPrivate)));
        if (reply.status() != 201) {
            throw new AssertionError("room creation failed: " + reply.status() + " "
                    + reply.text());
        }
        return reply.json().path("room").path("id").asText();
    }

    void join(Person person, String roomId) {
        Api.Reply reply = api.post("/api/rooms/" + roomId + "/members", person.token(), "");
        if (reply.status() != 200) {
            throw new AssertionError("join failed: " + reply.status() + " " + reply.text());
        }
    }

    Socket connect(Person person) {
        return Socket.open(webSocket, person.token());
    }

    static ObjectNode sendMessage(String roomId, String clientMsgId, String body) {
        return Json.object().put("action", "sendMessage").put("roomId", roomId)
                .put("clientMsgId", clientMsgId).put("body", body);
    }

    static ObjectNode action(String action, String roomId) {
        ObjectNode frame = Json.object().put("action", action);
        if (roomId != null) {
            frame.put("roomId", roomId);
        }
        return frame;
    }

    JsonNode history(Person person, String roomId, String query) {
        Api.Reply reply = api.get("/api/rooms/" + roomId + "/messages" + query, person.token());
        if (reply.status() != 200) {
            throw new AssertionError("history failed: " + reply.status() + " " + reply.text());
        }
        return reply.json();
    }
}
