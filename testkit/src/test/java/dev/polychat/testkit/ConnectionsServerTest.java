package dev.polychat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

/** The recording @connections server, spoken to by the same SDK client the functions use. */
class ConnectionsServerTest {
    private static ConnectionsServer server;
    private static ApiGatewayManagementApiAsyncClient client;

    @BeforeAll
    static void start() {
        server = ConnectionsServer.start();
        client = ApiGatewayManagementApiAsyncClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("test", "test")))
                .endpointOverride(URI.create(server.endpoint()))
                .httpClient(NettyNioAsyncHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2)).build())
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void aFramePostedToALiveConnectionIsRecordedForIt() {
        server.register("L0SM9cOFvHcCIhw=");

        post("L0SM9cOFvHcCIhw=", "{\"type\":\"pong\"}");
        post("L0SM9cOFvHcCIhw=", "second");

        assertThat(server.framesTo("L0SM9cOFvHcCIhw=")).containsExactly("{\"type\":\"pong\"}",
                "second");
    }

    @Test
    void aPostToAConnectionNeverRegisteredRaisesTheSdksGoneException() {
        assertThatThrownBy(() -> post("neverOpened0=", "hello"))
                .isInstanceOf(GoneException.class)
                .satisfies(e -> assertThat(((GoneException) e).statusCode()).isEqualTo(410));
        assertThat(server.framesTo("neverOpened0=")).isEmpty();
    }

    @Test
    void aPostToAConnectionMarkedGoneRaisesGoneExceptionAndIsNotRecorded() {
        server.register("wentAway000=");
        post("wentAway000=", "before");

        server.markGone("wentAway000=");

        assertThatThrownBy(() -> post("wentAway000=", "after"))
                .isInstanceOf(GoneException.class);
        assertThat(server.framesTo("wentAway000=")).containsExactly("before");
    }

    @Test
    void getDescribesALiveConnectionAndDeleteClosesIt() {
        server.register("closeMe0000=");

        GetConnectionResponse described = client.getConnection(b -> b
                .connectionId("closeMe0000=")).join();
        client.deleteConnection(b -> b.connectionId("closeMe0000=")).join();

        assertThat(described.connectedAt()).isNotNull();
        assertThat(described.identity().sourceIp()).isEqualTo("127.0.0.1");
        assertThat(server.isLive("closeMe0000=")).isFalse();
        assertThatThrownBy(() -> client.getConnection(b -> b.connectionId("closeMe0000="))
                .join()).hasCauseInstanceOf(GoneException.class);
    }

    @Test
    void aPostOverApiGatewaysPayloadLimitIsRefusedAsTooLarge() {
        server.register("bigFrame000=");

        assertThatThrownBy(() -> post("bigFrame000=",
                "x".repeat(ConnectionsServer.MAX_PAYLOAD_BYTES + 1)))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThat(server.framesTo("bigFrame000=")).isEmpty();
    }

    /** Posts and unwraps the async client's CompletionException, as a caller would. */
    private static void post(String connectionId, String frame) {
        try {
            client.postToConnection(b -> b.connectionId(connectionId)
                    .data(SdkBytes.fromUtf8String(frame))).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }
}
