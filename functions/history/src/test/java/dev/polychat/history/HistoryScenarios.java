package dev.polychat.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.auth.SigningKey;
import dev.polychat.core.auth.TokenService;
import dev.polychat.core.domain.Room;
import dev.polychat.core.service.ChatService;
import dev.polychat.lambda.scenario.ChatWorld;
import dev.polychat.lambda.scenario.HttpEvents;
import dev.polychat.lambda.scenario.LambdaContext;
import dev.polychat.lambda.scenario.Person;
import dev.polychat.testkit.ChatBackend;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every REST route of the contract behind a bearer token, through the history function, with
 * requests shaped as the HTTP API sends them to its {@code ANY /api/{proxy+}} route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HistoryScenarios {
    private static final String FIXTURE = "events/history/http-request.json";

    private ChatWorld world;
    private HistoryHandler handler;

    private Person alice;
    private Person bob;
    private Room lobby;

    /** Where PostgreSQL, DynamoDB and the signing key live. */
    protected abstract ChatBackend backend();

    @BeforeAll
    void startTheChat() {
        world = ChatWorld.start(backend(), getClass(), Map.of());
        handler = new HistoryHandler(world.env());
    }

    @AfterAll
    void stopTheChat() {
        world.close();
    }

    /** Alice owns a public lobby; Bob is registered but in no room. */
    @BeforeEach
    void aliceWithALobby() {
        alice = world.register("alice");
        bob = world.register("bob");
        lobby = world.room(alice, "lobby", false);
    }

    @Test
    void theCallerIsWhoTheTokenSays() {
        APIGatewayV2HTTPResponse response = call(alice, "GET", "/api/users/me");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode user = body(response).path("user");
        assertThat(user.path("id").asText()).isEqualTo(alice.id());
        assertThat(user.path("username").asText()).isEqualTo(alice.username());
        assertThat(user.path("displayName").asText()).isEqualTo(alice.user().displayName());
    }

    @Test
    void creatingARoomAnswers201WithTheCreatorAsMember() {
        APIGatewayV2HTTPResponse response = call(bob, HttpEvents.request(FIXTURE, "POST",
                "/api/rooms").body("{\"name\":\"  Bob's den  \",\"topic\":\"dogs\","
                        + "\"private\":true}"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode room = body(response).path("room");
        assertThat(room.path("name").asText()).isEqualTo("Bob's den");
        assertThat(room.path("topic").asText()).isEqualTo("dogs");
        assertThat(room.path("private").asBoolean()).isTrue();
        assertThat(room.path("member").asBoolean()).isTrue();
        assertThat(room.path("lastSeq").asLong()).isZero();
        assertThat(room.path("createdAt").asText()).isNotBlank();
        assertThat(call(bob, "GET", "/api/rooms/" + room.path("id").asText()).getStatusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"   \"}                                | name",
        "{\"topic\":\"no name\"}                           | name",
        "{\"name\":7}                                      | name",
        "{\"name\":\"ok\",\"private\":\"yes\"}             | private",
        "{\"name\":\"ok\",\"topic\":[\"a\"]}               | topic",
        "not json                                          | body",
    })
    void aRoomWithBadFieldsIsRefusedWith400NamingTheField(String json, String field) {
        APIGatewayV2HTTPResponse response = call(bob, HttpEvents.request(FIXTURE, "POST",
                "/api/rooms").body(json));

        assertError(response, 400, "bad_request");
        assertThat(message(response)).startsWith(field + " ");
    }

    @Test
    void aNameOver80OrATopicOver250CharactersIsRefused() {
        APIGatewayV2HTTPResponse longName = call(bob, HttpEvents.request(FIXTURE, "POST",
                "/api/rooms").body("{\"name\":\"" + "n".repeat(81) + "\"}"));
        APIGatewayV2HTTPResponse longTopic = call(bob, HttpEvents.request(FIXTURE, "POST",
                "/api/rooms").body("{\"name\":\"ok\",\"topic\":\"" + "t".repeat(251) + "\"}"));

        assertThat(message(longName)).startsWith("name ");
        assertThat(message(longTopic)).startsWith("topic ");
    }

    @Test
    void theRoomListHasTheCallersRoomsAndEveryPublicOneButNotOthersPrivateRooms() {
        Room secret = world.room(alice, "secret", true);
        Room bobsOwn = world.room(bob, "bob's", true);

        JsonNode rooms = body(call(bob, "GET", "/api/rooms")).path("rooms");

        Map<String, JsonNode> byId = new HashMap<>();
        rooms.forEach(room -> byId.put(room.path("id").asText(), room));
        assertThat(byId).containsKeys(lobby.id(), bobsOwn.id()).doesNotContainKey(secret.id());
        assertThat(byId.get(lobby.id()).path("member").asBoolean()).isFalse();
        assertThat(byId.get(bobsOwn.id()).path("member").asBoolean()).isTrue();
        assertThat(byId.get(lobby.id()).has("lastSeq")).isTrue();
        assertThat(rooms).allSatisfy(room -> assertThat(room.path("private").asBoolean()
                && !room.path("member").asBoolean()).isFalse());
    }

    @Test
    void aPrivateRoomIsNotFoundForOutsidersAndSoAreUnknownAndMalformedIds() {
        Room secret = world.room(alice, "secret", true);

        assertThat(call(alice, "GET", "/api/rooms/" + secret.id()).getStatusCode())
                .isEqualTo(200);
        assertError(call(bob, "GET", "/api/rooms/" + secret.id()), 404, "not_found");
        assertError(call(bob, "GET", "/api/rooms/" + UUID.randomUUID()), 404, "not_found");
        assertError(call(bob, "GET", "/api/rooms/not-an-id"), 404, "not_found");
    }

    @Test
    void joiningAPublicRoomAnswers200AndJoiningAgainChangesNothing() {
        String bobsConnection = world.connect(bob);

        APIGatewayV2HTTPResponse first = call(bob, "POST", "/api/rooms/" + lobby.id()
                + "/members");
        APIGatewayV2HTTPResponse second = call(bob, "POST", "/api/rooms/" + lobby.id()
                + "/members");

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(body(second).at("/room/member").asBoolean()).isTrue();
        assertThat(world.app().roomService().presence(alice.identity(), lobby.id(),
                Instant.now())).extracting(m -> m.userId())
                .containsExactlyInAnyOrder(alice.id(), bob.id());
        assertThat(world.subscribersOf(lobby.id())).contains(bobsConnection);
    }

    @Test
    void joiningAPrivateRoomIsForbidden() {
        Room secret = world.room(alice, "secret", true);

        assertError(call(bob, "POST", "/api/rooms/" + secret.id() + "/members"), 403,
                "forbidden");
    }

    @Test
    void leavingAnswers204AndTheHistoryIsThenForbidden() {
        world.join(bob, lobby);

        APIGatewayV2HTTPResponse left = call(bob, "DELETE", "/api/rooms/" + lobby.id()
                + "/members/me");

        assertThat(left.getStatusCode()).isEqualTo(204);
        assertThat(left.getBody()).isNull();
        assertError(call(bob, "GET", "/api/rooms/" + lobby.id() + "/messages"), 403,
                "forbidden");
    }

    @Test
    void historyPagesGoBackwardsWithBeforeAndForwardsWithAfter() {
        sendMessages(alice, lobby, 7);
        String messages = "/api/rooms/" + lobby.id() + "/messages";

        assertPage(call(alice, "GET", messages), List.of(7L, 6L, 5L, 4L, 3L, 2L, 1L), false);
        assertPage(get(alice, messages, Map.of("limit", "3")), List.of(7L, 6L, 5L), true);
        assertPage(get(alice, messages, Map.of("before", "5", "limit", "3")),
                List.of(4L, 3L, 2L), true);
        assertPage(get(alice, messages, Map.of("before", "2")), List.of(1L), false);
        assertPage(get(alice, messages, Map.of("after", "5")), List.of(6L, 7L), false);
        assertPage(get(alice, messages, Map.of("after", "0", "limit", "2")), List.of(1L, 2L),
                true);
        assertPage(get(alice, messages, Map.of("after", "7")), List.of(), false);
    }

    @ParameterizedTest(name = "{0}={1} → 400")
    @CsvSource({"limit, 0", "limit, 201", "limit, abc", "limit, -3", "before, -1",
            "before, x", "after, -1", "after, 1.5"})
    void pagingParametersOutOfRangeAreRefusedNamingTheParameter(String name, String value) {
        APIGatewayV2HTTPResponse response = get(alice, "/api/rooms/" + lobby.id()
                + "/messages", Map.of(name, value));

        assertError(response, 400, "bad_request");
        assertThat(message(response)).startsWith(name + " ");
    }

    @Test
    void theHistoryOfARoomOneIsNotInIsForbidden() {
        assertError(call(bob, "GET", "/api/rooms/" + lobby.id() + "/messages"), 403,
                "forbidden");
    }

    @Test
    void thePresenceListShowsEveryMemberWithTheirStatus() {
        world.join(bob, lobby);
        world.connect(alice);

        JsonNode members = body(call(bob, "GET", "/api/rooms/" + lobby.id() + "/presence"))
                .path("members");

        assertThat(members).hasSize(2);
        Map<String, JsonNode> byUser = new HashMap<>();
        members.forEach(member -> byUser.put(member.path("userId").asText(), member));
        assertThat(byUser.get(alice.id()).path("status").asText()).isEqualTo("online");
        assertThat(byUser.get(alice.id()).path("username").asText()).isEqualTo(alice.username());
        assertThat(byUser.get(alice.id()).path("lastSeenAt").asText()).isNotBlank();
        assertThat(byUser.get(bob.id()).path("status").asText()).isEqualTo("offline");
        assertThat(byUser.get(bob.id()).path("lastSeenAt").isNull()).isTrue();
        assertError(call(world.register("eve"), "GET", "/api/rooms/" + lobby.id()
                + "/presence"), 403, "forbidden");
    }

    @Test
    void aMissingMalformedForgedOrExpiredBearerIs401() {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String forged = new TokenService(otherKey, Duration.ofHours(1), Clock.systemUTC())
                .issue(alice.user());
        String expired = new TokenService(SigningKey.load(world.env()), Duration.ofMinutes(5),
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .issue(alice.user());

        assertUnauthorized(HttpEvents.request(FIXTURE, "GET", "/api/rooms")
                .without("authorization"));
        assertUnauthorized(HttpEvents.request(FIXTURE, "GET", "/api/rooms")
                .header("authorization", "Basic YWxpY2U6c2VjcmV0"));
        assertUnauthorized(HttpEvents.request(FIXTURE, "GET", "/api/rooms").bearer("garbage"));
        assertUnauthorized(HttpEvents.request(FIXTURE, "GET", "/api/rooms").bearer(forged));
        assertUnauthorized(HttpEvents.request(FIXTURE, "GET", "/api/rooms").bearer(expired));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /api/nothing", "PATCH, /api/rooms", "GET, /api/rooms//messages",
            "PUT, /api/rooms/ROOM/members", "GET, /api/users/you"})
    void anUnknownRouteIs404(String method, String path) {
        assertError(call(alice, method, path.replace("ROOM", lobby.id())), 404, "not_found");
    }

    private void sendMessages(Person sender, Room room, int count) {
        String connection = ChatWorld.newConnectionId();
        for (int i = 1; i <= count; i++) {
            world.app().chat().send(connection, sender.identity(),
                    new ChatService.Send(room.id(), "h-" + i, "message " + i), Instant.now());
        }
    }

    private APIGatewayV2HTTPResponse call(Person caller, String method, String path) {
        return call(caller, HttpEvents.request(FIXTURE, method, path));
    }

    private APIGatewayV2HTTPResponse get(Person caller, String path, Map<String, String> query) {
        HttpEvents request = HttpEvents.request(FIXTURE, "GET", path);
        query.forEach(request::query);
        return call(caller, request);
    }

    private APIGatewayV2HTTPResponse call(Person caller, HttpEvents request) {
        return handler.handleRequest(request.bearer(caller.token()).event(), context());
    }

    private void assertUnauthorized(HttpEvents request) {
        assertError(handler.handleRequest(request.event(), context()), 401, "unauthorized");
    }

    private static void assertPage(APIGatewayV2HTTPResponse response, List<Long> seqs,
            boolean hasMore) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode page = body(response);
        List<Long> found = new ArrayList<>();
        page.path("messages").forEach(m -> found.add(m.path("seq").asLong()));
        assertThat(found).isEqualTo(seqs);
        assertThat(page.path("hasMore").asBoolean()).isEqualTo(hasMore);
        assertThat(StreamSupport.stream(page.path("messages").spliterator(), false))
                .allSatisfy(m -> assertThat(m.path("body").asText())
                        .isEqualTo("message " + m.path("seq").asLong()));
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        return ChatWorld.parse(response.getBody());
    }

    private static void assertError(APIGatewayV2HTTPResponse response, int status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(body(response).at("/error/code").asText()).isEqualTo(code);
    }

    private static String message(APIGatewayV2HTTPResponse response) {
        return body(response).at("/error/message").asText();
    }

    private static LambdaContext context() {
        return new LambdaContext("polychat-history");
    }
}
