package dev.polychat.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.json.Json;
import dev.polychat.local.support.RawWebSocket;
import dev.polychat.local.support.TestSocket;
import dev.polychat.local.websocket.WebSocketLimits;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketGatewayTest {
    private final GatewayHarness gateway = new GatewayHarness();

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aBadTokenIsRefusedWith401AndNoSocketOpens() {
        int status = TestSocket.refusal(gateway.http, gateway.ws("forged"));

        assertThat(status).isEqualTo(401);
        assertThat(gateway.events.authorizer).hasSize(1);
        assertThat(gateway.events.route("$connect")).isEmpty();
        assertThat(gateway.webSocket.connections().size()).isZero();
    }

    @Test
    void aMissingTokenIsRefusedWith401WithoutAskingTheAuthorizer() {
        int status = TestSocket.refusal(gateway.http, gateway.ws(""));

        assertThat(status).isEqualTo(401);
        assertThat(gateway.events.authorizer).isEmpty();
    }

    @Test
    void aDenyPolicyIsRefusedWith403() {
        assertThat(TestSocket.refusal(gateway.http, gateway.ws("deny"))).isEqualTo(403);
    }

    @Test
    void aConnectRouteThatAnswers403RefusesTheUpgradeWith403() {
        assertThat(TestSocket.refusal(gateway.http, gateway.ws("good-refused"))).isEqualTo(403);
        assertThat(gateway.webSocket.connections().size()).isZero();
    }

    @Test
    void theAuthorizerGetsTheRequestEventApiGatewaySends() {
        try (TestSocket ignored = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            var event = gateway.events.authorizer.get(0);

            assertThat(event.getType()).isEqualTo("REQUEST");
            assertThat(event.getMethodArn())
                    .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:local/local/$connect");
            assertThat(event.getQueryStringParameters()).containsEntry("token", "good-ann");
            assertThat(event.getHeaders()).containsKey("Sec-WebSocket-Key");
            assertThat(event.getRequestContext().getStage()).isEqualTo("local");
            assertThat(event.getRequestContext().getApiId()).isEqualTo("local");
        }
    }

    @Test
    void connectionIdsHaveApiGatewaysShapeAndAreSafeInAUrlPath() {
        try (TestSocket ignored = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            String id = gateway.events.lastConnectionId();

            assertThat(id).hasSize(16).endsWith("=").matches("[A-Za-z0-9_=-]+");
        }
    }

    @Test
    void everyRouteCarriesTheAuthorizersContextAndPrincipal() {
        try (TestSocket socket = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            socket.send("{\"action\":\"echo\"}");
            socket.next();

            String id = gateway.events.lastConnectionId();
            for (String route : new String[] {"$connect", "echo"}) {
                APIGatewayV2WebSocketEvent event = gateway.events.route(id, route).get(0);
                assertThat(event.getRequestContext().getAuthorizer())
                        .containsEntry("userId", "ann")
                        .containsEntry("plan", "test")
                        .containsEntry("principalId", "ann");
            }
        }
    }

    @Test
    void framesAreRoutedOnTheirActionAndEverythingElseGoesToDefault() {
        try (TestSocket socket = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            socket.send("{\"action\":\"echo\",\"n\":1}");
            socket.send("not json at all");
            socket.send("{\"action\":42}");
            socket.send("{\"action\":\"noSuchRoute\"}");
            socket.send("[\"action\",\"echo\"]");

            assertThat(socket.next()).isEqualTo("echo:{\"action\":\"echo\",\"n\":1}");
            assertThat(socket.next()).isEqualTo("default:not json at all");
            assertThat(socket.next()).isEqualTo("default:{\"action\":42}");
            assertThat(socket.next()).isEqualTo("default:{\"action\":\"noSuchRoute\"}");
            assertThat(socket.next()).isEqualTo("default:[\"action\",\"echo\"]");
        }
    }

    @Test
    void messageEventsHaveApiGatewaysShape() {
        try (TestSocket socket = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            socket.send("{\"action\":\"echo\"}");
            socket.next();

            APIGatewayV2WebSocketEvent event = gateway.events.route("echo").get(0);
            assertThat(event.getBody()).isEqualTo("{\"action\":\"echo\"}");
            assertThat(event.getRequestContext().getEventType()).isEqualTo("MESSAGE");
            assertThat(event.getRequestContext().getMessageDirection()).isEqualTo("IN");
            assertThat(event.getRequestContext().getMessageId()).isNotBlank();
            assertThat(event.getRequestContext().getConnectedAt()).isPositive();
            assertThat(event.getRequestContext().getIdentity().getSourceIp())
                    .isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aRouteWithoutABodySendsNothingBack() {
        try (TestSocket socket = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            socket.send("{\"action\":\"quiet\"}");
            socket.send("{\"action\":\"echo\"}");

            // Frames run in order, so the echo's answer is the first the client can get.
            assertThat(socket.next()).isEqualTo("echo:{\"action\":\"echo\"}");
        }
    }

    @Test
    void aFailingRouteAnswersAsApiGatewayDoesAndKeepsTheSocket() throws Exception {
        try (TestSocket socket = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            socket.send("{\"action\":\"explode\"}");

            JsonNode error = Json.read(socket.next());
            assertThat(error.path("message").asText()).isEqualTo("Internal server error");
            assertThat(error.path("connectionId").asText())
                    .isEqualTo(gateway.events.lastConnectionId());

            socket.send("{\"action\":\"echo\"}");
            assertThat(socket.next()).startsWith("echo:");
        }
    }

    @Test
    void aClientCloseRunsDisconnectExactlyOnce() {
        TestSocket socket = TestSocket.connect(gateway.http, gateway.ws("good-ann"));
        String id = gateway.events.lastConnectionId();

        socket.closeFromClient();

        await().until(() -> gateway.events.route(id, "$disconnect").size() == 1);
        await().until(() -> gateway.webSocket.connections().find(id).isEmpty());
        socket.close();
        APIGatewayV2WebSocketEvent disconnect = gateway.events.route(id, "$disconnect").get(0);
        assertThat(disconnect.getRequestContext().getEventType()).isEqualTo("DISCONNECT");
        assertThat(disconnect.getRequestContext().getAuthorizer()).containsEntry("userId", "ann");
        assertThat(gateway.events.route(id, "$disconnect")).hasSize(1);
    }

    @Test
    void aFrameOver32KbClosesTheSocketWith1009() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(gateway.ws("good-ann"))) {
            String id = gateway.events.lastConnectionId();

            socket.sendSingleFrame("x".repeat(33 * 1024));

            assertThat(socket.awaitCloseCode()).isEqualTo(1009);
            await().until(() -> gateway.events.route(id, "$disconnect").size() == 1);
            assertThat(gateway.events.route(id, "$default")).isEmpty();
        }
    }

    @Test
    void aFragmentedMessageOver128KbClosesTheSocketWith1009() {
        try (TestSocket socket = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            String part = "y".repeat(30 * 1024);

            socket.sendFragmented(part, part, part, part, part);

            assertThat(socket.awaitClose().statusCode()).isEqualTo(1009);
        }
    }

    @Test
    void aFrameOfExactly32KbIsAccepted() throws Exception {
        try (RawWebSocket raw = RawWebSocket.connect(gateway.ws("good-ann"))) {
            raw.sendSingleFrame("w".repeat(32 * 1024));

            await().until(() -> gateway.events.route("$default").size() == 1);
        }
    }

    @Test
    void aMessageJustUnderTheLimitsIsDelivered() {
        try (TestSocket socket = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            String part = "z".repeat(31 * 1024);

            socket.sendFragmented(part, part, part, part);

            assertThat(socket.next()).hasSize("default:".length() + 4 * part.length());
        }
    }

    @Test
    void anIdleConnectionIsClosedWithGoingAway() {
        gateway.close();
        try (GatewayHarness quick = new GatewayHarness(new WebSocketLimits(Duration.ofSeconds(1),
                Duration.ofHours(2)), Path.of("no-such-dist"));
                TestSocket socket = TestSocket.connect(quick.http, quick.ws("good-ann"))) {
            String id = quick.events.lastConnectionId();

            TestSocket.Close close = socket.awaitClose();

            assertThat(close).isEqualTo(new TestSocket.Close(1001, "Going away"));
            await().until(() -> quick.events.route(id, "$disconnect").size() == 1);
        }
    }

    @Test
    void aConnectionPastItsLifetimeIsClosedWithGoingAway() {
        gateway.close();
        try (GatewayHarness quick = new GatewayHarness(new WebSocketLimits(Duration.ofHours(1),
                Duration.ofSeconds(1)), Path.of("no-such-dist"));
                TestSocket socket = TestSocket.connect(quick.http, quick.ws("good-ann"))) {
            assertThat(socket.awaitClose()).isEqualTo(new TestSocket.Close(1001, "Going away"));
        }
    }
}
