package dev.polychat.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.domain.PresenceStatus;
import dev.polychat.core.domain.Room;
import dev.polychat.lambda.scenario.ChatWorld;
import dev.polychat.lambda.scenario.EventFixture;
import dev.polychat.lambda.scenario.LambdaContext;
import dev.polychat.lambda.scenario.Person;
import dev.polychat.lambda.scenario.SnapStart;
import dev.polychat.lambda.scenario.WebSocketEvents;
import dev.polychat.testkit.ChatBackend;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The presence function: the {@code heartbeat} route and the scheduled sweep, announcing each
 * change of a user's status once to the connections of the rooms they share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PresenceScenarios {
    private static final String HEARTBEAT = "events/presence/heartbeat.json";
    private static final String SCHEDULE = "events/presence/sweep-schedule.json";

    private ChatWorld world;
    private HeartbeatHandler heartbeat;
    private SweepHandler sweep;

    private Person alice;
    private Person bob;
    private String alicesConnection;
    private String bobsConnection;

    /** Where PostgreSQL, DynamoDB and the signing key live. */
    protected abstract ChatBackend backend();

    @BeforeAll
    void startTheChat() {
        world = ChatWorld.start(backend(), getClass(), Map.of());
        heartbeat = new HeartbeatHandler(world.env());
        sweep = new SweepHandler(world.env());
    }

    @AfterAll
    void stopTheChat() {
        world.close();
    }

    /** Alice and Bob share a room and are both online; everyone's frames start empty. */
    @BeforeEach
    void aliceAndBobOnline() {
        alice = world.register("alice");
        bob = world.register("bob");
        Room room = world.room(alice, "general", false);
        world.join(bob, room);
        alicesConnection = world.connect(alice);
        bobsConnection = world.connect(bob);
        world.connections().clearFrames();
    }

    @Test
    void aHeartbeatIsAnsweredWithPongAndTheServerTime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        JsonNode pong = beat(alice, alicesConnection, "{\"action\":\"heartbeat\"}");

        assertThat(pong.path("type").asText()).isEqualTo("pong");
        assertThat(Instant.parse(pong.path("serverTime").asText())).isAfterOrEqualTo(before);
        assertThat(world.framesTo(bobsConnection)).isEmpty();
    }

    @Test
    void goingAwayAndBackIsAnnouncedToTheRoomOnceEach() {
        beat(alice, alicesConnection, "{\"action\":\"heartbeat\",\"status\":\"away\"}");
        beat(alice, alicesConnection, "{\"action\":\"heartbeat\",\"status\":\"away\"}");
        beat(alice, alicesConnection, "{\"action\":\"heartbeat\",\"status\":\"online\"}");
        beat(alice, alicesConnection, "{\"action\":\"heartbeat\"}");

        assertThat(world.framesTo(bobsConnection, "presence"))
                .allSatisfy(frame -> assertThat(frame.path("userId").asText())
                        .isEqualTo(alice.id()))
                .extracting(frame -> frame.path("status").asText())
                .containsExactly("away", "online");
        assertThat(status(alice, Instant.now())).isEqualTo(PresenceStatus.ONLINE);
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(strings = {"\"offline\"", "\"busy\"", "\"AWAY\"", "1", "true"})
    void aStatusOtherThanOnlineOrAwayIsABadRequestAndChangesNothing(String status) {
        JsonNode error = beat(alice, alicesConnection,
                "{\"action\":\"heartbeat\",\"status\":" + status + "}");

        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("code").asText()).isEqualTo("bad_request");
        assertThat(error.path("action").asText()).isEqualTo("heartbeat");
        assertThat(error.path("message").asText()).startsWith("status ");
        assertThat(status(alice, Instant.now())).isEqualTo(PresenceStatus.ONLINE);
        assertThat(world.framesTo(bobsConnection)).isEmpty();
    }

    @Test
    void theSweepMarksASilentUserOfflineAndAnnouncesItOnce() {
        Instant lastBeat = Instant.now().minus(Duration.ofMinutes(5));
        Person carol = world.register("carol");
        Room shared = world.room(carol, "carol's", false);
        world.join(bob, shared);
        world.presenceStore().beat(carol.id(), PresenceStatus.ONLINE, lastBeat);

        sweep.handleRequest(schedule(), context("polychat-sweep"));
        sweep.handleRequest(schedule(), context("polychat-sweep"));

        assertThat(status(carol, Instant.now())).isEqualTo(PresenceStatus.OFFLINE);
        assertThat(world.framesTo(bobsConnection, "presence")).singleElement()
                .satisfies(frame -> {
                    assertThat(frame.path("userId").asText()).isEqualTo(carol.id());
                    assertThat(frame.path("status").asText()).isEqualTo("offline");
                    assertThat(Instant.parse(frame.path("lastSeenAt").asText()))
                            .isEqualTo(lastBeat.truncatedTo(ChronoUnit.MILLIS));
                });
        assertThat(status(alice, Instant.now())).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void aroundASnapStartSnapshotConnectionsAreDroppedAndHeartbeatsStillWork()
            throws Exception {
        Connection beforeSnapshot = SnapStart.pooledConnection(world.app());

        SnapStart.hooksOf(heartbeat).beforeCheckpoint(new SnapStart.FakeContext());
        SnapStart.hooksOf(heartbeat).afterRestore(new SnapStart.FakeContext());
        JsonNode pong = beat(alice, alicesConnection, "{\"action\":\"heartbeat\"}");

        assertThat(beforeSnapshot.isClosed()).isTrue();
        assertThat(pong.path("type").asText()).isEqualTo("pong");
    }

    private JsonNode beat(Person who, String connectionId, String frame) {
        APIGatewayV2WebSocketResponse response = heartbeat.handleRequest(
                WebSocketEvents.frame(HEARTBEAT, who, connectionId, frame),
                context("polychat-presence"));
        assertThat(response.getStatusCode()).isEqualTo(200);
        return ChatWorld.parse(response.getBody());
    }

    private PresenceStatus status(Person who, Instant now) {
        return world.presenceStore().get(who.id()).orElseThrow().effectiveStatus(now);
    }

    private static ScheduledEvent schedule() {
        return EventFixture.load(SCHEDULE).set("time", Instant.now().toString())
                .as(ScheduledEvent.class);
    }

    private static LambdaContext context(String function) {
        return new LambdaContext(function);
    }
}
