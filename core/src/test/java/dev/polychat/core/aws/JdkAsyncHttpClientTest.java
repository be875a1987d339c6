package dev.polychat.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/** The SDK's Management API client posting through JdkAsyncHttpClient to a real server. */
class JdkAsyncHttpClientTest {
    private static final int MAX_IN_FLIGHT = 4;

    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private ExecutorService serverThreads;
    private HttpServer server;
    private ApiGatewayManagementApiAsyncClient client;

    @BeforeEach
    void startServer() throws IOException {
        serverThreads = Executors.newFixedThreadPool(16);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/stage/@connections/", this::answer);
        server.setExecutor(serverThreads);
        server.start();
        client = ApiGatewayManagementApiAsyncClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("test", "test")))
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                        + "/stage"))
                .httpClient(new JdkAsyncHttpClient(MAX_IN_FLIGHT, Duration.ofSeconds(2),
                        Duration.ofSeconds(10)))
                .build();
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange) {
            String id = exchange.getRequestURI().getPath().replace("/stage/@connections/", "");
            String body = new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8);
            Thread.sleep(5);
            if (id.startsWith("gone")) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "GoneException");
                byte[] answer = "{\"message\":null}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(410, answer.length);
                exchange.getResponseBody().write(answer);
                return;
            }
            received.put(id, body);
            exchange.sendResponseHeaders(200, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Test
    void aPostDeliversTheFrameToItsConnection() {
        client.postToConnection(b -> b.connectionId("abc").data(
                SdkBytes.fromUtf8String("{\"type\":\"pong\"}"))).join();

        assertThat(received).containsEntry("abc", "{\"type\":\"pong\"}");
    }

    @Test
    void aGoneConnectionFailsWithGoneException() {
        CompletableFuture<?> post = client.postToConnection(b -> b.connectionId("gone-1")
                .data(SdkBytes.fromUtf8String("{}")));

        assertThatThrownBy(post::join).hasCauseInstanceOf(GoneException.class);
    }

    @Test
    void aBurstOfPostsAllArriveWithNoMoreOnTheWireThanTheLimit() {
        List<CompletableFuture<?>> posts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = "c" + i;
            posts.add(client.postToConnection(b -> b.connectionId(id)
                    .data(SdkBytes.fromUtf8String("frame " + id))));
        }
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();

        assertThat(received).hasSize(200).containsEntry("c199", "frame c199");
        assertThat(mostInFlight.get()).isLessThanOrEqualTo(MAX_IN_FLIGHT);
    }
}
