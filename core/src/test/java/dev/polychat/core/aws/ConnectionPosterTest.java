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
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/** Posts to a real HTTP server, side by side with the SDK's own Management API client. */
class ConnectionPosterTest {
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "session-token"));
    private static final int MAX_IN_FLIGHT = 4;

    private final Map<String, Request> received = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private ExecutorService serverThreads;
    private HttpServer server;
    private URI endpoint;
    private ConnectionPoster poster;

    /** What the server saw: the raw path, the signature's scope and headers, the body. */
    private record Request(String rawPath, String authorization, String securityToken,
            String body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        serverThreads = Executors.newFixedThreadPool(16);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/prod/@connections/", this::answer);
        server.setExecutor(serverThreads);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prod");
        poster = new ConnectionPoster(endpoint, Region.EU_WEST_1, CREDENTIALS, MAX_IN_FLIGHT,
                Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @AfterEach
    void stopServer() {
        poster.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8);
            Thread.sleep(5);
            if (failuresLeft.getAndDecrement() > 0) {
                respond(exchange, 503, new byte[0]);
                return;
            }
            if (rawPath.contains("gone")) {
                respond(exchange, 410, new byte[0]);
                return;
            }
            received.put(body, new Request(rawPath,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"), body));
            respond(exchange, 200, new byte[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Leaves the in-flight count before answering: the answer frees the client's slot. */
    private void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        inFlight.decrementAndGet();
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Test
    void aPostReachesTheSameAddressTheSdkPostsToSignedForExecuteApi() {
        String id = "Ab/c+d=";
        ConnectionPoster.Outcome outcome = poster.post(id, bytes("ours")).join();
        try (ApiGatewayManagementApiAsyncClient sdk = ApiGatewayManagementApiAsyncClient.builder()
                .region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint)
                .httpClient(new JdkAsyncHttpClient(4, Duration.ofSeconds(2),
                        Duration.ofSeconds(10)))
                .build()) {
            sdk.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("sdk")))
                    .join();
        }

        assertThat(outcome).isEqualTo(ConnectionPoster.Outcome.DELIVERED);
        Request ours = received.get("ours");
        assertThat(ours.rawPath()).isEqualTo(received.get("sdk").rawPath())
                .isEqualTo("/prod/@connections/Ab%2Fc%2Bd%3D");
        assertThat(ours.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/execute-api/aws4_request", "host", "x-amz-date",
                        "x-amz-security-token", "Signature=");
        assertThat(ours.securityToken()).isEqualTo("session-token");
    }

    @Test
    void aGoneConnectionIsReportedAsGone() {
        assertThat(poster.post("gone-1", bytes("{}")).join())
                .isEqualTo(ConnectionPoster.Outcome.GONE);
    }

    @Test
    void aServerErrorIsRetriedAndThenDelivered() {
        failuresLeft.set(2);

        assertThat(poster.post("c1", bytes("after two 503s")).join())
                .isEqualTo(ConnectionPoster.Outcome.DELIVERED);
        assertThat(received).containsKey("after two 503s");
    }

    @Test
    void aPostThatKeepsFailingFailsAfterThreeAttempts() {
        failuresLeft.set(3);

        assertThatThrownBy(() -> poster.post("c1", bytes("never")).join())
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void aBurstOfPostsAllArriveWithNoMoreOnTheWireThanTheLimit() {
        List<CompletableFuture<ConnectionPoster.Outcome>> posts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            posts.add(poster.post("c" + i, bytes("frame " + i)));
        }
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();

        assertThat(received).hasSize(200).containsKey("frame 199");
        assertThat(mostInFlight.get()).isLessThanOrEqualTo(MAX_IN_FLIGHT);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
