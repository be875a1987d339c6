package dev.polychat.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.polychat.core.aws.AwsClients;
import dev.polychat.local.support.TestSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/** The Management API through the SDK's own async client, as the handlers call it. */
class ConnectionsApiTest {
    private final GatewayHarness gateway = new GatewayHarness();
    private final ApiGatewayManagementApiAsyncClient client = AwsClients.connections(gateway.env);

    @AfterEach
    void stop() {
        client.close();
        gateway.close();
    }

    @Test
    void aPostArrivesAsOneFrameOnThatConnectionOnly() {
        try (TestSocket ann = TestSocket.connect(gateway.http, gateway.ws("good-ann"));
                TestSocket bob = TestSocket.connect(gateway.http, gateway.ws("good-bob"))) {
            String annId = gateway.events.route("$connect").get(0).getRequestContext()
                    .getConnectionId();

            post(annId, "{\"type\":\"pong\"}").join();

            assertThat(ann.next()).isEqualTo("{\"type\":\"pong\"}");
            bob.send("{\"action\":\"echo\"}");
            assertThat(bob.next()).startsWith("echo:");
        }
    }

    @Test
    void aHandlerCanAnswerThroughConnectionsWithTheSdkClient() {
        try (TestSocket socket = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            socket.send("{\"action\":\"postBack\"}");

            assertThat(socket.next()).isEqualTo("pushed:{\"action\":\"postBack\"}");
        }
    }

    @Test
    void getDescribesTheConnection() {
        Instant before = Instant.now().minusSeconds(1);
        try (TestSocket ignored = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            String id = gateway.events.lastConnectionId();

            GetConnectionResponse described = client.getConnection(b -> b.connectionId(id))
                    .join();

            assertThat(described.connectedAt()).isAfter(before).isBefore(Instant.now());
            assertThat(described.lastActiveAt()).isAfterOrEqualTo(described.connectedAt());
            assertThat(described.identity().sourceIp()).isEqualTo("127.0.0.1");
            assertThat(described.identity().userAgent()).startsWith("Java-http-client");
        }
    }

    @Test
    void deleteClosesTheSocketAndRunsDisconnectOnce() {
        try (TestSocket socket = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            String id = gateway.events.lastConnectionId();

            client.deleteConnection(b -> b.connectionId(id)).join();

            assertThat(socket.awaitClose().statusCode()).isEqualTo(1000);
            await().until(() -> gateway.events.route(id, "$disconnect").size() == 1);
            assertGone(() -> client.deleteConnection(b -> b.connectionId(id)).join());
            assertThat(gateway.events.route(id, "$disconnect")).hasSize(1);
        }
    }

    @Test
    void anUnknownConnectionIsGone() {
        assertGone(() -> post("AAAAAAAAAAAAAAA=", "hello").join());
        assertGone(() -> client.getConnection(b -> b.connectionId("AAAAAAAAAAAAAAA=")).join());
    }

    @Test
    void aClosedConnectionIsGone() {
        TestSocket socket = TestSocket.connect(gateway.http, gateway.ws("good-ann"));
        String id = gateway.events.lastConnectionId();
        socket.closeFromClient();
        await().until(() -> gateway.webSocket.connections().find(id).isEmpty());

        assertGone(() -> post(id, "too late").join());
        socket.close();
    }

    @Test
    void concurrentLargePostsArriveWholeAndNeverInterleaved() {
        try (TestSocket socket = TestSocket.connect(gateway.http, gateway.ws("good-ann"))) {
            String id = gateway.events.lastConnectionId();
            List<CompletableFuture<?>> posts = new ArrayList<>();
            for (char c = 'a'; c < 'a' + 20; c++) {
                posts.add(post(id, String.valueOf(c).repeat(100 * 1024)));
            }
            CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();

            Set<Character> seen = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                String message = socket.next();
                assertThat(message).hasSize(100 * 1024);
                assertThat(message.chars().distinct().count()).isEqualTo(1);
                seen.add(message.charAt(0));
            }
            assertThat(seen).hasSize(20);
        }
    }

    private CompletableFuture<?> post(String connectionId, String data) {
        return client.postToConnection(b -> b.connectionId(connectionId)
                .data(SdkBytes.fromUtf8String(data)));
    }

    private static void assertGone(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(GoneException.class);
    }
}
