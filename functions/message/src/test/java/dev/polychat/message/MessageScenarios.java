package dev.polychat.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.domain.Message;
import dev.polychat.core.domain.Room;
import dev.polychat.lambda.scenario.ChatWorld;
import dev.polychat.lambda.scenario.LambdaContext;
import dev.polychat.lambda.scenario.Person;
import dev.polychat.lambda.scenario.SnapStart;
import dev.polychat.lambda.scenario.WebSocketEvents;
import dev.polychat.testkit.ChatBackend;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chat routes of the WebSocket API through the message function: frames in as API
 * Gateway routes them, the reply frame out, and what reaches every other connection through
 * the {@code @connections} endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MessageScenarios {
    /** Low, so the limit is reached in a few frames; a wide window, so it is not left. */
    private static final int RATE_LIMIT = 5;

    private ChatWorld world;
    private MessageHandler handler;

    private Person alice;
    private Person bob;
    private Room room;
    private String alicesPhone;
    private String alicesLaptop;
    private String bobsConnection;

    /** Where PostgreSQL, DynamoDB and the signing key live. */
    protected abstract ChatBackend backend();

    @BeforeAll
    void startTheChat() {
        world = ChatWorld.start(backend(), getClass(), Map.of(
                "POLYCHAT_RATE_LIMIT", Integer.toString(RATE_LIMIT),
                "POLYCHAT_RATE_WINDOW_SECONDS", "300"));
        handler = new MessageHandler(world.env());
    }

    @AfterAll
    void stopTheChat() {
        world.close();
    }

    /** Alice on two devices and Bob share a public room; everyone's frames start empty. */
    @BeforeEach
    void aliceAndBobInARoom() {
        alice = world.register("alice");
        bob = world.register("bob");
        room = world.room(alice, "general", false);
        world.join(bob, room);
        alicesPhone = world.connect(alice);
        alicesLaptop = world.connect(alice);
        bobsConnection = world.connect(bob);
        world.connections().clearFrames();
    }

    @Test
    void aSentMessageIsStoredWithItsSeqAckedToTheSenderAndDeliveredToEveryConnection() {
        Person outsider = world.register("outsider");
        String outsidersConnection = world.connect(outsider);

        JsonNode ack = reply("sendMessage", alice, alicesPhone, send(room.id(), "m-1", "hi all"));
        JsonNode second = reply("sendMessage", alice, alicesPhone,
                send(room.id(), "m-2", "again"));

        assertThat(ack.path("type").asText()).isEqualTo("ack");
        assertThat(ack.path("clientMsgId").asText()).isEqualTo("m-1");
        assertThat(ack.path("roomId").asText()).isEqualTo(room.id());
        assertThat(ack.path("seq").asLong()).isEqualTo(1);
        assertThat(second.path("seq").asLong()).isEqualTo(2);
        for (String connection : List.of(alicesPhone, alicesLaptop, bobsConnection)) {
            List<JsonNode> delivered = world.framesTo(connection, "message");
            assertThat(delivered).as(connection).hasSize(2);
            JsonNode message = delivered.getFirst().path("message");
            assertThat(message.path("id").asText()).isEqualTo(ack.path("messageId").asText());
            assertThat(message.path("body").asText()).isEqualTo("hi all");
            assertThat(message.path("seq").asLong()).isEqualTo(1);
            assertThat(message.path("senderId").asText()).isEqualTo(alice.id());
            assertThat(message.path("senderName").asText())
                    .isEqualTo(alice.user().displayName());
        }
        assertThat(world.framesTo(outsidersConnection)).isEmpty();
        assertThat(history(room)).extracting(Message::body).containsExactly("again", "hi all");
    }

    @Test
    void resendingAClientMsgIdStoresNothingNewAndAcksTheOriginalMessage() {
        JsonNode first = reply("sendMessage", alice, alicesPhone, send(room.id(), "dup", "one"));

        JsonNode again = reply("sendMessage", alice, alicesPhone,
                send(room.id(), "dup", "one, edited"));

        assertThat(again.path("type").asText()).isEqualTo("ack");
        assertThat(again.path("messageId").asText()).isEqualTo(first.path("messageId").asText());
        assertThat(again.path("seq").asLong()).isEqualTo(first.path("seq").asLong());
        assertThat(history(room)).extracting(Message::body).containsExactly("one");
        assertThat(world.framesTo(bobsConnection, "message")).hasSize(1);
        assertThat(world.framesTo(alicesPhone, "message"))
                .extracting(frame -> frame.at("/message/body").asText())
                .containsExactly("one", "one");
    }

    @Test
    void someoneWhoIsNotAMemberIsForbiddenAndNothingIsStored() {
        Person outsider = world.register("outsider");
        String connection = world.connect(outsider);

        JsonNode error = reply("sendMessage", outsider, connection,
                send(room.id(), "m-x", "let me in"));

        assertError(error, "forbidden", "sendMessage", "m-x");
        assertThat(history(room)).isEmpty();
        assertThat(world.framesTo(bobsConnection)).isEmpty();
    }

    @Test
    void aRoomThatDoesNotExistIsNotFound() {
        JsonNode error = reply("sendMessage", alice, alicesPhone,
                send(UUID.randomUUID().toString(), "m-y", "anyone?"));
        JsonNode malformed = reply("sendMessage", alice, alicesPhone,
                send("not-a-room", "m-z", "anyone?"));

        assertError(error, "not_found", "sendMessage", "m-y");
        assertError(malformed, "not_found", "sendMessage", "m-z");
    }

    static List<String[]> badFrames() {
        String roomId = "\"roomId\":\"ROOM\"";
        return List.of(
                new String[] {"no roomId", "{\"action\":\"sendMessage\",\"clientMsgId\":\"b\","
                        + "\"body\":\"x\"}", "b"},
                new String[] {"no clientMsgId", "{\"action\":\"sendMessage\"," + roomId
                        + ",\"body\":\"x\"}", null},
                new String[] {"no body", "{\"action\":\"sendMessage\"," + roomId
                        + ",\"clientMsgId\":\"b\"}", "b"},
                new String[] {"blank body", "{\"action\":\"sendMessage\"," + roomId
                        + ",\"clientMsgId\":\"b\",\"body\":\" \\n\\t \"}", "b"},
                new String[] {"body of 4001 code points", "{\"action\":\"sendMessage\"," + roomId
                        + ",\"clientMsgId\":\"b\",\"body\":\"" + "😀".repeat(4001) + "\"}", "b"},
                new String[] {"a bell in the body", "{\"action\":\"sendMessage\"," + roomId
                        + ",\"clientMsgId\":\"b\",\"body\":\"ding\\u0007\"}", "b"},
                new String[] {"body is a number", "{\"action\":\"sendMessage\"," + roomId
                        + ",\"clientMsgId\":\"b\",\"body\":42}", "b"},
                new String[] {"roomId is a number", "{\"action\":\"sendMessage\",\"roomId\":7,"
                        + "\"clientMsgId\":\"b\",\"body\":\"x\"}", "b"},
                new String[] {"clientMsgId is an object", "{\"action\":\"sendMessage\","
                        + roomId + ",\"clientMsgId\":{\"id\":1},\"body\":\"x\"}", null},
                new String[] {"clientMsgId of 65 characters", "{\"action\":\"sendMessage\","
                        + roomId + ",\"clientMsgId\":\"" + "c".repeat(65) + "\",\"body\":\"x\"}",
                        "c".repeat(65)},
                new String[] {"an array", "[\"sendMessage\"]", null});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void aBadFrameIsAnsweredWithBadRequestEchoingItsIdsAndStoresNothing(String why,
            String frame, String clientMsgId) {
        JsonNode error = reply("sendMessage", alice, alicesPhone,
                frame.replace("ROOM", room.id()));

        assertError(error, "bad_request", "sendMessage", clientMsgId);
        assertThat(history(room)).isEmpty();
        assertThat(world.framesTo(bobsConnection)).isEmpty();
    }

    @Test
    void aFrameThatIsNotJsonReachesDefaultAndIsABadRequest() {
        JsonNode error = reply("$default", alice, alicesPhone, "hello?");

        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("code").asText()).isEqualTo("bad_request");
        assertThat(history(room)).isEmpty();
    }

    @Test
    void aBodyOfExactly4000CodePointsWithNewlinesAndTabsIsAccepted() {
        String body = "line\tone\n" + "😀".repeat(3991);

        JsonNode ack = reply("sendMessage", alice, alicesPhone, send(room.id(), "long", body));

        assertThat(ack.path("type").asText()).isEqualTo("ack");
        assertThat(history(room)).extracting(Message::body).containsExactly(body);
    }

    @Test
    void theFrameAfterTheRateLimitIsRateLimitedAndNotStored() {
        for (int i = 1; i <= RATE_LIMIT; i++) {
            JsonNode ack = reply("sendMessage", alice, alicesPhone,
                    send(room.id(), "burst-" + i, "message " + i));
            assertThat(ack.path("type").asText()).as("frame %d", i).isEqualTo("ack");
        }

        JsonNode limited = reply("sendMessage", alice, alicesPhone,
                send(room.id(), "burst-over", "one too many"));
        JsonNode fromLaptop = reply("sendMessage", alice, alicesLaptop,
                send(room.id(), "laptop-1", "another connection"));

        assertError(limited, "rate_limited", "sendMessage", "burst-over");
        assertThat(fromLaptop.path("type").asText()).isEqualTo("ack");
        assertThat(history(room)).hasSize(RATE_LIMIT + 1)
                .extracting(Message::clientMsgId).doesNotContain("burst-over");
    }

    @Test
    void aSubscriberWhoseConnectionIsGoneIsRemovedAndTheOthersStillReceive() {
        world.connections().markGone(bobsConnection);

        JsonNode ack = reply("sendMessage", alice, alicesPhone,
                send(room.id(), "m-gone", "still there?"));

        assertThat(ack.path("type").asText()).isEqualTo("ack");
        assertThat(world.framesTo(alicesLaptop, "message")).hasSize(1);
        Instant now = Instant.now();
        assertThat(world.connectionStore().get(bobsConnection, now)).isEmpty();
        assertThat(world.subscriptionStore().roomsOf(bobsConnection, now)).isEmpty();
        assertThat(world.subscribersOf(room.id()))
                .containsExactlyInAnyOrder(alicesPhone, alicesLaptop);
    }

    @Test
    void joiningAPublicRoomAnswersJoinedAndItsMessagesReachTheConnection() {
        Person carol = world.register("carol");
        String carolsConnection = world.connect(carol);

        JsonNode joined = reply("joinRoom", carol, carolsConnection, roomFrame("joinRoom",
                room.id()));
        reply("sendMessage", alice, alicesPhone, send(room.id(), "welcome", "hi carol"));

        assertThat(joined.path("type").asText()).isEqualTo("joined");
        assertThat(joined.path("roomId").asText()).isEqualTo(room.id());
        assertThat(world.subscribersOf(room.id())).contains(carolsConnection);
        assertThat(world.app().roomService().get(carol.identity(), room.id()).member()).isTrue();
        assertThat(world.framesTo(carolsConnection, "message")).hasSize(1);
    }

    @Test
    void joiningAPrivateRoomIsForbidden() {
        Room secret = world.room(alice, "secret", true);
        Person carol = world.register("carol");
        String carolsConnection = world.connect(carol);

        JsonNode error = reply("joinRoom", carol, carolsConnection, roomFrame("joinRoom",
                secret.id()));

        assertError(error, "forbidden", "joinRoom", null);
        assertThat(world.subscribersOf(secret.id())).doesNotContain(carolsConnection);
    }

    @Test
    void joiningWithoutARoomIdIsABadRequest() {
        JsonNode error = reply("joinRoom", bob, bobsConnection, "{\"action\":\"joinRoom\"}");

        assertError(error, "bad_request", "joinRoom", null);
    }

    @Test
    void leavingAnswersLeftAndTheRoomsMessagesNoLongerReachAnyOfTheUsersConnections() {
        JsonNode left = reply("leaveRoom", alice, alicesPhone, roomFrame("leaveRoom", room.id()));
        reply("sendMessage", bob, bobsConnection, send(room.id(), "after", "bye alice"));

        assertThat(left.path("type").asText()).isEqualTo("left");
        assertThat(left.path("roomId").asText()).isEqualTo(room.id());
        assertThat(world.subscribersOf(room.id())).containsExactly(bobsConnection);
        assertThat(world.framesTo(alicesPhone, "message")).isEmpty();
        assertThat(world.framesTo(alicesLaptop, "message")).isEmpty();
        assertThat(world.app().roomService().get(alice.identity(), room.id()).member())
                .isFalse();
    }

    @Test
    void typingReachesTheOtherConnectionsButNotTheSendersOwn() {
        APIGatewayV2WebSocketResponse response = handler.handleRequest(WebSocketEvents.frame(
                fixture("typing"), alice, alicesPhone, roomFrame("typing", room.id())),
                context());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isNull();
        assertThat(world.framesTo(alicesPhone)).isEmpty();
        for (String other : List.of(alicesLaptop, bobsConnection)) {
            assertThat(world.framesTo(other, "typing")).singleElement().satisfies(frame -> {
                assertThat(frame.path("roomId").asText()).isEqualTo(room.id());
                assertThat(frame.path("userId").asText()).isEqualTo(alice.id());
                assertThat(frame.path("displayName").asText())
                        .isEqualTo(alice.user().displayName());
            });
        }
        assertThat(history(room)).isEmpty();
    }

    @Test
    void typingInARoomOneIsNotInIsForbidden() {
        Person outsider = world.register("outsider");
        String connection = world.connect(outsider);

        JsonNode error = reply("typing", outsider, connection, roomFrame("typing", room.id()));

        assertError(error, "forbidden", "typing", null);
        assertThat(world.framesTo(bobsConnection)).isEmpty();
    }

    @Test
    void anUnknownActionIsAnsweredWithUnknownActionEchoingIt() {
        JsonNode error = reply("$default", alice, alicesPhone,
                "{\"action\":\"shout\",\"clientMsgId\":\"s-1\"}");
        JsonNode noAction = reply("$default", alice, alicesPhone, "{\"roomId\":\"r\"}");

        assertError(error, "unknown_action", "shout", "s-1");
        assertError(noAction, "unknown_action", null, null);
    }

    @Test
    void aroundASnapStartSnapshotConnectionsAreDroppedAndSendingStillWorks() throws Exception {
        Connection beforeSnapshot = SnapStart.pooledConnection(world.app());

        SnapStart.hooksOf(handler).beforeCheckpoint(new SnapStart.FakeContext());
        SnapStart.hooksOf(handler).afterRestore(new SnapStart.FakeContext());
        JsonNode ack = reply("sendMessage", alice, alicesPhone,
                send(room.id(), "restored", "after the restore"));

        assertThat(beforeSnapshot.isClosed()).isTrue();
        assertThat(ack.path("type").asText()).isEqualTo("ack");
    }

    /** Sends the frame on the route API Gateway picked and returns the reply frame. */
    private JsonNode reply(String route, Person from, String connectionId, String frame) {
        APIGatewayV2WebSocketResponse response = handler.handleRequest(
                WebSocketEvents.frame(fixture(route), from, connectionId, frame), context());
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).as("reply frame on %s", route).isNotNull();
        return ChatWorld.parse(response.getBody());
    }

    private static String fixture(String route) {
        return "events/message/" + ("$default".equals(route) ? "default" : route) + ".json";
    }

    private static String send(String roomId, String clientMsgId, String body) {
        return ChatWorld.json(Map.of("action", "sendMessage", "roomId", roomId,
                "clientMsgId", clientMsgId, "body", body));
    }

    private static String roomFrame(String action, String roomId) {
        return ChatWorld.json(Map.of("action", action, "roomId", roomId));
    }

    private List<Message> history(Room of) {
        return world.app().roomService().messages(alice.identity(), of.id(), null, null, 200)
                .messages();
    }

    private static void assertError(JsonNode frame, String code, String action,
            String clientMsgId) {
        assertThat(frame.path("type").asText()).isEqualTo("error");
        assertThat(frame.path("code").asText()).isEqualTo(code);
        assertThat(frame.path("message").asText()).isNotBlank();
        if (action == null) {
            assertThat(frame.has("action")).as("action echoed").isFalse();
        } else {
            assertThat(frame.path("action").asText()).isEqualTo(action);
        }
        if (clientMsgId == null) {
            assertThat(frame.has("clientMsgId")).as("clientMsgId echoed").isFalse();
        } else {
            assertThat(frame.path("clientMsgId").asText()).isEqualTo(clientMsgId);
        }
    }

    private static LambdaContext context() {
        return new LambdaContext("polychat-message");
    }
}
