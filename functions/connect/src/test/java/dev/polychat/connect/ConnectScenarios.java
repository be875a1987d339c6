package dev.polychat.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.polychat.core.auth.SigningKey;
import dev.polychat.core.auth.TokenService;
import dev.polychat.core.domain.PresenceStatus;
import dev.polychat.core.domain.Room;
import dev.polychat.lambda.scenario.ChatWorld;
import dev.polychat.lambda.scenario.EventFixture;
import dev.polychat.lambda.scenario.LambdaContext;
import dev.polychat.lambda.scenario.Person;
import dev.polychat.lambda.scenario.SnapStart;
import dev.polychat.lambda.scenario.WebSocketEvents;
import dev.polychat.testkit.ChatBackend;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The connect function: the {@code $connect} REQUEST authorizer, {@code $connect} and
 * {@code $disconnect}, with events shaped as API Gateway's WebSocket API sends them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConnectScenarios {
    private static final String AUTHORIZER = "events/connect/authorizer-request.json";
    private static final String CONNECT = "events/connect/connect.json";
    private static final String DISCONNECT = "events/connect/disconnect.json";
    private static final String METHOD_ARN =
            "arn:aws:execute-api:eu-west-1:123456789012:w7x2k9p4qa/prod/$connect";

    private ChatWorld world;
    private AuthorizerHandler authorizer;
    private ConnectHandler connect;
    private DisconnectHandler disconnect;

    /** Where PostgreSQL, DynamoDB and the signing key live. */
    protected abstract ChatBackend backend();

    @BeforeAll
    void startTheChat() {
        world = ChatWorld.start(backend(), getClass(), Map.of());
        authorizer = new AuthorizerHandler(world.env());
        connect = new ConnectHandler(world.env());
        disconnect = new DisconnectHandler(world.env());
    }

    @AfterAll
    void stopTheChat() {
        world.close();
    }

    @Test
    void aValidTokenIsAllowedWithAPolicyForTheRouteAndTheUserInTheContext() {
        Person alice = world.register("alice");

        IamPolicyResponseV1 policy = authorizer.handleRequest(authorize(alice.token()),
                context());

        JsonNode written = EventFixture.asRuntimeWritesIt(policy);
        assertThat(written.path("principalId").asText()).isEqualTo(alice.id());
        assertThat(written.at("/policyDocument/Version").asText()).isEqualTo("2012-10-17");
        JsonNode statement = written.at("/policyDocument/Statement/0");
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Action").toString()).contains("execute-api:Invoke");
        assertThat(statement.path("Resource").toString()).contains(METHOD_ARN);
        assertThat(written.at("/context/userId").asText()).isEqualTo(alice.id());
        assertThat(written.at("/context/username").asText()).isEqualTo(alice.username());
        assertThat(written.at("/context/displayName").asText())
                .isEqualTo(alice.user().displayName());
    }

    @Test
    void aMissingTokenIsRefusedAsUnauthorized() {
        APIGatewayCustomAuthorizerEvent event = EventFixture.load(AUTHORIZER)
                .remove("queryStringParameters")
                .remove("multiValueQueryStringParameters")
                .as(APIGatewayCustomAuthorizerEvent.class);

        assertRefused(event);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        Person alice = world.register("alice");
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String forged = new TokenService(otherKey, Duration.ofHours(1), Clock.systemUTC())
                .issue(alice.user());

        assertRefused(authorize(forged));
    }

    @Test
    void aTokenWithAlgNoneIsRefusedEvenWithTheRightClaims() throws Exception {
        Person alice = world.register("alice");
        JWTClaimsSet claims = SignedJWT.parse(alice.token()).getJWTClaimsSet();

        assertRefused(authorize(new PlainJWT(claims).serialize()));
    }

    @Test
    void aTokenWhoseClaimsWereEditedAfterSigningIsRefused() throws Exception {
        Person alice = world.register("alice");
        Person mallory = world.register("mallory");
        String[] parts = mallory.token().split("\\.");
        String aliceClaims = SignedJWT.parse(alice.token()).getPayload().toBase64URL()
                .toString();

        assertRefused(authorize(parts[0] + "." + aliceClaims + "." + parts[2]));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Person alice = world.register("alice");
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)),
                ZoneOffset.UTC);
        String expired = new TokenService(SigningKey.load(world.env()), Duration.ofHours(1),
                twoHoursAgo).issue(alice.user());

        assertRefused(authorize(expired));
    }

    @Test
    void connectingRegistersTheConnectionAndSubscribesItToEveryRoomOfTheUser() {
        Person alice = world.register("alice");
        Room general = world.room(alice, "general", false);
        Room secret = world.room(alice, "secret", true);
        String connectionId = ChatWorld.newConnectionId();

        APIGatewayV2WebSocketResponse response = open(alice, connectionId);

        assertThat(response.getStatusCode()).isEqualTo(200);
        Instant now = Instant.now();
        assertThat(world.connectionStore().get(connectionId, now))
                .hasValueSatisfying(c -> assertThat(c.userId()).isEqualTo(alice.id()));
        assertThat(world.subscriptionStore().roomsOf(connectionId, now))
                .containsExactlyInAnyOrder(general.id(), secret.id());
        assertThat(world.presenceStore().get(alice.id()).orElseThrow().effectiveStatus(now))
                .isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void aUserInNoRoomConnectsWithNoSubscriptions() {
        Person loner = world.register("loner");
        String connectionId = ChatWorld.newConnectionId();

        APIGatewayV2WebSocketResponse response = open(loner, connectionId);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(world.connectionStore().get(connectionId, Instant.now())).isPresent();
        assertThat(world.subscriptionStore().roomsOf(connectionId, Instant.now())).isEmpty();
    }

    @Test
    void disconnectingOneOfTwoConnectionsRemovesItOnlyAndTheUserStaysOnline() {
        Person alice = world.register("alice");
        Person bob = world.register("bob");
        Room room = world.room(alice, "pair", false);
        world.join(bob, room);
        String bobsConnection = world.connect(bob);
        String phone = world.connect(alice);
        String laptop = world.connect(alice);
        world.connections().clearFrames();

        disconnect.handleRequest(WebSocketEvents.lifecycle(DISCONNECT, alice, phone),
                context());

        Instant now = Instant.now();
        assertThat(world.connectionStore().get(phone, now)).isEmpty();
        assertThat(world.subscriptionStore().roomsOf(phone, now)).isEmpty();
        assertThat(world.subscribersOf(room.id())).containsExactlyInAnyOrder(bobsConnection,
                laptop);
        assertThat(world.presenceStore().get(alice.id()).orElseThrow().effectiveStatus(now))
                .isEqualTo(PresenceStatus.ONLINE);
        assertThat(world.framesTo(bobsConnection, "presence")).isEmpty();
    }

    @Test
    void disconnectingTheLastConnectionMarksTheUserOfflineAndTellsTheRoomOnce() {
        Person alice = world.register("alice");
        Person bob = world.register("bob");
        Room room = world.room(alice, "pair", false);
        world.join(bob, room);
        String bobsConnection = world.connect(bob);
        String alicesConnection = world.connect(alice);
        world.connections().clearFrames();

        APIGatewayV2WebSocketResponse response = disconnect.handleRequest(
                WebSocketEvents.lifecycle(DISCONNECT, alice, alicesConnection), context());

        assertThat(response.getStatusCode()).isEqualTo(200);
        Instant now = Instant.now();
        assertThat(world.connectionStore().byUser(alice.id(), now)).isEmpty();
        assertThat(world.subscribersOf(room.id())).containsExactly(bobsConnection);
        assertThat(world.presenceStore().get(alice.id()).orElseThrow().effectiveStatus(now))
                .isEqualTo(PresenceStatus.OFFLINE);
        assertThat(world.framesTo(bobsConnection, "presence"))
                .singleElement()
                .satisfies(frame -> {
                    assertThat(frame.path("userId").asText()).isEqualTo(alice.id());
                    assertThat(frame.path("status").asText()).isEqualTo("offline");
                    assertThat(frame.path("lastSeenAt").asText()).isNotBlank();
                });
    }

    @Test
    void aUserComingOnlineIsAnnouncedToTheirRoomsOnce() {
        Person alice = world.register("alice");
        Person bob = world.register("bob");
        Room room = world.room(alice, "pair", false);
        world.join(bob, room);
        String bobsConnection = world.connect(bob);
        world.connections().clearFrames();

        open(alice, ChatWorld.newConnectionId());
        open(alice, ChatWorld.newConnectionId());

        assertThat(world.framesTo(bobsConnection, "presence"))
                .singleElement()
                .satisfies(frame -> assertThat(frame.path("status").asText())
                        .isEqualTo("online"));
    }

    @Test
    void aroundASnapStartSnapshotConnectionsAreDroppedAndConnectingStillWorks()
            throws Exception {
        Person alice = world.register("alice");
        Connection beforeSnapshot = SnapStart.pooledConnection(world.app());

        SnapStart.hooksOf(connect).beforeCheckpoint(new SnapStart.FakeContext());
        SnapStart.hooksOf(connect).afterRestore(new SnapStart.FakeContext());
        String connectionId = ChatWorld.newConnectionId();
        APIGatewayV2WebSocketResponse response = open(alice, connectionId);

        assertThat(beforeSnapshot.isClosed()).isTrue();
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(world.connectionStore().get(connectionId, Instant.now())).isPresent();
    }

    /**
     * {@code $connect} as API Gateway runs it: the connection takes posts only once the
     * route has answered 200.
     */
    private APIGatewayV2WebSocketResponse open(Person who, String connectionId) {
        APIGatewayV2WebSocketResponse response = connect.handleRequest(
                WebSocketEvents.lifecycle(CONNECT, who, connectionId), context());
        if (response.getStatusCode() == 200) {
            world.connections().register(connectionId);
        }
        return response;
    }

    private static APIGatewayCustomAuthorizerEvent authorize(String token) {
        return EventFixture.load(AUTHORIZER)
                .set("queryStringParameters.token", token)
                .as(APIGatewayCustomAuthorizerEvent.class);
    }

    private void assertRefused(APIGatewayCustomAuthorizerEvent event) {
        assertThatThrownBy(() -> authorizer.handleRequest(event, context()))
                .isExactlyInstanceOf(RuntimeException.class)
                .hasMessage("Unauthorized");
    }

    private static LambdaContext context() {
        return new LambdaContext("polychat-connect");
    }
}
