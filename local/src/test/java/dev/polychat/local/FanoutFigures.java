package dev.polychat.local;

import dev.polychat.core.aws.AwsClients;
import dev.polychat.local.support.TestSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/**
 * Prints how long a fan-out through {@code @connections} takes: one 300-byte frame posted with
 * the SDK's async client to each of N sockets, time until the last socket has it. A benchmark,
 * not a test: run with {@code -Dpolychat.bench=true -Dtest=FanoutFigures}.
 */
@EnabledIfSystemProperty(named = "polychat.bench", matches = "true")
class FanoutFigures {
    private static final int WARM_UP_ROUNDS = 20;
    private static final int ROUNDS = 30;

    @Test
    void fanOutTo100And1000Sockets() throws Exception {
        for (int n : new int[] {100, 1000}) {
            try (GatewayHarness gateway = new GatewayHarness();
                    ApiGatewayManagementApiAsyncClient client =
                            AwsClients.connections(gateway.env)) {
                measure(gateway, client, n);
            }
        }
    }

    private static void measure(GatewayHarness gateway, ApiGatewayManagementApiAsyncClient client,
            int n) throws Exception {
        List<TestSocket> sockets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sockets.add(TestSocket.connect(gateway.http, gateway.ws("good-u" + i)));
        }
        List<String> ids = gateway.events.route("$connect").stream()
                .map(e -> e.getRequestContext().getConnectionId()).toList();
        SdkBytes frame = SdkBytes.fromUtf8String("x".repeat(300));

        long[] millis = new long[ROUNDS];
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            long started = System.nanoTime();
            List<CompletableFuture<?>> posts = new ArrayList<>();
            for (String id : ids) {
                posts.add(client.postToConnection(b -> b.connectionId(id).data(frame)));
            }
            CountDownLatch received = new CountDownLatch(n);
            Thread.ofVirtual().start(() -> sockets.forEach(s -> {
                s.next();
                received.countDown();
            }));
            received.await(60, TimeUnit.SECONDS);
            CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();
            if (round >= WARM_UP_ROUNDS) {
                millis[round - WARM_UP_ROUNDS] = (System.nanoTime() - started) / 1_000_000;
            }
            Thread.sleep(100);
        }

        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "fan-out to %d sockets: p50 %d ms, p90 %d ms, max %d ms"
                        + " (%d rounds after %d warm-up)%n", n, millis[ROUNDS / 2],
                millis[ROUNDS * 9 / 10], millis[ROUNDS - 1], ROUNDS, WARM_UP_ROUNDS);
        sockets.forEach(TestSocket::close);
    }
}
