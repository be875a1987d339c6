package dev.polychat.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Contract, "Rooms and history (REST)", and the error rules that apply everywhere. */
class RoomsContractTest {
    private final Chat chat = ContractStack.chat();
    private final Api api = chat.api;
    private final Chat.Person alice = chat.signUp("alice");
    private final Chat.Person bob = chat.signUp("bob");

    @Test
    void creatingARoomAnswers201WithTheRoomAndTheCreatorAsMember() {
        Api.Reply reply = api.post("/api/rooms", alice.token(),
                "{\"name\":\"  General  \",\"topic\":\"all things\"}");

        JsonNode room = reply.json().path("room");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(room.path("name").asText()).isEqualTo("General");
        assertThat(room.path("topic").asText()).isEqualTo("all things");
        assertThat(room.path("private").asBoolean()).isFalse();
        assertThat(room.path("member").asBoolean()).isTrue();
        assertThat(room.path("lastSeq").asLong()).isZero();
        assertThat(room.path("createdAt").asText()).isNotBlank();
    }

    @Test
    void badRoomFieldsAre400NamingTheField() {
        assertBad(api.post("/api/rooms", alice.token(), "{\"name\":\"   \"}"), "name");
        assertBad(api.post("/api/rooms", alice.token(), "{}"), "name");
        assertBad(api.post("/api/rooms", alice.token(),
                "{\"name\":\"" + "n".repeat(81) + "\"}"), "name");
        assertBad(api.post("/api/rooms", alice.token(),
                "{\"name\":\"ok\",\"topic\":\"" + "t".repeat(251) + "\"}"), "topic");
        assertBad(api.post("/api/rooms", alice.token(),
                "{\"name\":\"ok\",\"private\":\"yes\"}"), "private");
        assertBad(api.post("/api/rooms", alice.token(), "[1,2]"), "body");
    }

    @Test
    void theListHasMyRoomsAndEveryPublicRoomWithMembershipAndLastSeq() {
        String open = chat.createRoom(alice, "open", false);
        String secret = chat.createRoom(alice, "secret", true);
        String bobs = chat.createRoom(bob, "bobs", true);

        List<String> aliceSees = ids(api.get("/api/rooms", alice.token()));
        JsonNode bobList = api.get("/api/rooms", bob.token()).json().path("rooms");

        assertThat(aliceSees).contains(open, secret).doesNotContain(bobs);
        JsonNode openForBob = find(bobList, open);
        assertThat(openForBob.path("member").asBoolean()).isFalse();
        assertThat(openForBob.has("lastSeq")).isTrue();
        assertThat(find(bobList, bobs).path("member").asBoolean()).isTrue();
        assertThat(ids(api.get("/api/rooms", bob.token()))).doesNotContain(secret);
    }

    @Test
    void aPrivateRoomIsNotFoundForOutsidersAndCannotBeJoined() {
        String secret = chat.createRoom(alice, "secret", true);

        Api.Reply read = api.get("/api/rooms/" + secret, bob.token());
        Api.Reply join = api.post("/api/rooms/" + secret + "/members", bob.token(), "");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.errorCode()).isEqualTo("not_found");
        assertThat(join.status()).isEqualTo(403);
        assertThat(join.errorCode()).isEqualTo("forbidden");
        assertThat(api.get("/api/rooms/" + secret, alice.token()).status()).isEqualTo(200);
    }

    @Test
    void joiningAPublicRoomIsIdempotentAndLeavingAnswers204() {
        String open = chat.createRoom(alice, "open", false);

        Api.Reply first = api.post("/api/rooms/" + open + "/members", bob.token(), "");
        Api.Reply second = api.post("/api/rooms/" + open + "/members", bob.token(), "");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("room").path("member").asBoolean()).isTrue();
        assertThat(api.delete("/api/rooms/" + open + "/members/me", bob.token()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/rooms/" + open, bob.token()).json().path("room")
                .path("member").asBoolean()).isFalse();
    }

    @Test
    void historyPagesBackwardsWithBeforeAndForwardsWithAfter() {
        String room = chat.createRoom(alice, "history", false);
        try (Socket socket = chat.connect(alice)) {
            for (int i = 1; i <= 7; i++) {
                socket.send(Chat.sendMessage(room, "h" + i, "message " + i));
                socket.next("ack");
            }
        }

        JsonNode newest = chat.history(alice, room, "?limit=3");
        JsonNode older = chat.history(alice, room, "?before=5&limit=3");
        JsonNode gap = chat.history(alice, room, "?after=4");
        JsonNode defaults = chat.history(alice, room, "");

        assertThat(seqs(newest)).containsExactly(7L, 6L, 5L);
        assertThat(newest.path("hasMore").asBoolean()).isTrue();
        assertThat(seqs(older)).containsExactly(4L, 3L, 2L);
        assertThat(seqs(gap)).containsExactly(5L, 6L, 7L);
        assertThat(gap.path("hasMore").asBoolean()).isFalse();
        assertThat(seqs(defaults)).hasSize(7);
        JsonNode message = newest.path("messages").get(0);
        assertThat(message.path("roomId").asText()).isEqualTo(room);
        assertThat(message.path("senderId").asText()).isEqualTo(alice.id());
        assertThat(message.path("senderName").asText()).isEqualTo("Alice");
        assertThat(message.path("body").asText()).isEqualTo("message 7");
        assertThat(message.path("clientMsgId").asText()).isEqualTo("h7");
        assertThat(message.path("id").asText()).isNotBlank();
        assertThat(message.path("createdAt").asText()).isNotBlank();
    }

    @Test
    void badPagingParametersAre400AndNonMembersAre403() {
        String room = chat.createRoom(alice, "paging", false);
        String path = "/api/rooms/" + room + "/messages";

        assertBad(api.get(path + "?limit=0", alice.token()), "limit");
        assertBad(api.get(path + "?limit=201", alice.token()), "limit");
        assertBad(api.get(path + "?limit=abc", alice.token()), "limit");
        assertBad(api.get(path + "?before=-1", alice.token()), "before");
        assertBad(api.get(path + "?after=x", alice.token()), "after");
        assertThat(api.get(path + "?limit=200", alice.token()).status()).isEqualTo(200);
        Api.Reply outsider = api.get(path, bob.token());
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.errorCode()).isEqualTo("forbidden");
    }

    @Test
    void presenceListsMembersWithStatusInWords() {
        String room = chat.createRoom(alice, "presence", false);
        chat.join(bob, room);

        try (Socket online = chat.connect(alice)) {
            online.send(Chat.action("heartbeat", null));
            online.next("pong");
            JsonNode members = api.get("/api/rooms/" + room + "/presence", bob.token()).json()
                    .path("members");

            assertThat(members).hasSize(2);
            JsonNode aliceEntry = findUser(members, alice.id());
            assertThat(aliceEntry.path("status").asText()).isEqualTo("online");
            assertThat(aliceEntry.path("username").asText()).isEqualTo(alice.username());
            assertThat(aliceEntry.path("displayName").asText()).isEqualTo("Alice");
            assertThat(aliceEntry.path("lastSeenAt").asText()).isNotBlank();
            assertThat(findUser(members, bob.id()).path("status").asText()).isEqualTo("offline");
        }
    }

    @Test
    void unknownAndMalformedIdsAndRoutesAre404() {
        String unknown = UUID.randomUUID().toString();

        assertThat(api.get("/api/rooms/" + unknown, alice.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/rooms/not-an-id", alice.token()).errorCode())
                .isEqualTo("not_found");
        assertThat(api.get("/api/rooms/" + unknown + "/messages", alice.token()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/rooms/%27;drop/members", alice.token(), "").status())
                .isEqualTo(404);
        Api.Reply route = api.get("/api/nothing/here", alice.token());
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.errorCode()).isEqualTo("not_found");
    }

    private static List<String> ids(Api.Reply reply) {
        List<String> ids = new ArrayList<>();
        reply.json().path("rooms").forEach(room -> ids.add(room.path("id").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode rooms, String id) {
        for (JsonNode room : rooms) {
            if (room.path("id").asText().equals(id)) {
                return room;
            }
        }
        throw new AssertionError("room " + id + " not listed in " + Json.write(rooms));
    }

    private static JsonNode findUser(JsonNode members, String userId) {
        for (JsonNode member : members) {
            if (member.path("userId").asText().equals(userId)) {
                return member;
            }
        }
        throw new AssertionError("user " + userId + " not listed");
    }

    private static List<Long> seqs(JsonNode page) {
        List<Long> seqs = new ArrayList<>();
        page.path("messages").forEach(message -> seqs.add(message.path("seq").asLong()));
        return seqs;
    }

    private static void assertBad(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("bad_request");
        assertThat(reply.errorMessage()).contains(field);
    }
}
