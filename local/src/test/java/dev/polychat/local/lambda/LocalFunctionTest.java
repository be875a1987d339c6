package dev.polychat.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.json.Json;
import dev.polychat.local.FunctionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LocalFunctionTest {
    private static final String EVENT = "{\"requestContext\":{\"routeKey\":\"echo\","
            + "\"connectionId\":\"abc=\"},\"body\":\"hi\"}";

    @Test
    void theHandlerGetsTheEventObjectAndItsResponseComesBackAsJson() throws Exception {
        var spec = FunctionSpec.webSocket("echo", () -> (event, context) -> {
            APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
            response.setStatusCode(200);
            response.setBody(event.getRequestContext().getRouteKey() + ":" + event.getBody());
            return response;
        });

        try (LocalFunction<?, ?> function = new LocalFunction<>(spec, 1, Duration.ofSeconds(3))) {
            JsonNode response = function.invoke(Json.read(EVENT));

            assertThat(response.path("statusCode").asInt()).isEqualTo(200);
            assertThat(response.path("body").asText()).isEqualTo("echo:hi");
        }
    }

    @Test
    void theContextNamesTheFunctionAndTheRequestAndCountsDown() throws Exception {
        AtomicReference<Context> seen = new AtomicReference<>();
        AtomicReference<Integer> remaining = new AtomicReference<>();
        var spec = FunctionSpec.webSocket("named", () -> (event, context) -> {
            seen.set(context);
            remaining.set(context.getRemainingTimeInMillis());
            context.getLogger().log("logged through SLF4J");
            return null;
        });

        try (LocalFunction<?, ?> function = new LocalFunction<>(spec, 1, Duration.ofSeconds(3))) {
            function.invoke(Json.read(EVENT));
        }

        assertThat(seen.get().getFunctionName()).isEqualTo("named");
        assertThat(seen.get().getAwsRequestId()).isNotBlank();
        assertThat(seen.get().getInvokedFunctionArn()).endsWith(":function:named");
        assertThat(remaining.get()).isPositive().isLessThanOrEqualTo(3000);
    }

    @Test
    void aThrowingHandlerIsAFailedInvocationCarryingItsMessage() {
        var spec = FunctionSpec.webSocket("refuses", () -> (event, context) -> {
            throw new RuntimeException("Unauthorized");
        });

        try (LocalFunction<?, ?> function = new LocalFunction<>(spec, 1, Duration.ofSeconds(3))) {
            assertThatThrownBy(() -> function.invoke(Json.read(EVENT)))
                    .isInstanceOfSatisfying(InvocationFailed.class,
                            failed -> assertThat(failed.errorMessage()).isEqualTo("Unauthorized"));
        }
    }

    @Test
    void overlappingEventsGetInstancesOfTheirOwnNeverSharingOne() throws Exception {
        int overlapping = 4;
        CountDownLatch allInside = new CountDownLatch(overlapping);
        Set<Object> instances = ConcurrentHashMap.newKeySet();
        AtomicBoolean shared = new AtomicBoolean();
        var spec = FunctionSpec.webSocket("busy", () -> new BusyHandler(allInside, instances,
                shared));

        ExecutorService callers = Executors.newFixedThreadPool(overlapping);
        try (LocalFunction<?, ?> function = new LocalFunction<>(spec, overlapping,
                Duration.ofSeconds(10))) {
            List<Future<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < overlapping * 3; i++) {
                calls.add(callers.submit(() -> function.invoke(Json.read(EVENT))));
            }
            for (Future<JsonNode> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(instances).hasSize(overlapping);
        assertThat(shared).isFalse();
    }

    /** Waits until every overlapping event is inside some instance; notes any shared one. */
    private static final class BusyHandler
            implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
        private final CountDownLatch allInside;
        private final Set<Object> instances;
        private final AtomicBoolean shared;
        private final AtomicBoolean busy = new AtomicBoolean();

        BusyHandler(CountDownLatch allInside, Set<Object> instances, AtomicBoolean shared) {
            this.allInside = allInside;
            this.instances = instances;
            this.shared = shared;
        }

        @Override
        public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event,
                Context context) {
            if (!busy.compareAndSet(false, true)) {
                shared.set(true);
            }
            instances.add(this);
            allInside.countDown();
            try {
                allInside.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            busy.set(false);
            return null;
        }
    }
}
