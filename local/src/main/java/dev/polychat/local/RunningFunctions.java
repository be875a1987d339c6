package dev.polychat.local;

import dev.polychat.local.lambda.LocalFunction;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The functions of a {@link Functions} set, each with its execution environments. A spec used
 * for several routes becomes one function, as one Lambda function serves several routes.
 */
final class RunningFunctions implements AutoCloseable {
    /** Concurrent execution environments per function; more events wait for a free one. */
    static final int MAX_INSTANCES = 16;
    /** API Gateway's integration timeout; handlers see it as their remaining time. */
    static final Duration TIMEOUT = Duration.ofSeconds(29);

    private final Map<FunctionSpec<?, ?>, LocalFunction<?, ?>> bySpec = new IdentityHashMap<>();
    final LocalFunction<?, ?> authorizer;
    final LocalFunction<?, ?> connect;
    final LocalFunction<?, ?> disconnect;
    final Map<String, LocalFunction<?, ?>> routes = new LinkedHashMap<>();
    final LocalFunction<?, ?> auth;
    final LocalFunction<?, ?> history;
    final LocalFunction<?, ?> sweep;

    RunningFunctions(Functions functions) {
        authorizer = function(functions.authorizer());
        connect = function(functions.connect());
        disconnect = function(functions.disconnect());
        functions.routes().forEach((routeKey, spec) -> routes.put(routeKey, function(spec)));
        auth = function(functions.auth());
        history = function(functions.history());
        sweep = function(functions.sweep());
    }

    private <I, O> LocalFunction<?, ?> function(FunctionSpec<I, O> spec) {
        return bySpec.computeIfAbsent(spec, s -> new LocalFunction<>(spec, MAX_INSTANCES,
                TIMEOUT));
    }

    /** Starts one instance of each function, so a handler that cannot start fails now. */
    int warm() {
        for (LocalFunction<?, ?> function : bySpec.values()) {
            try {
                function.warm();
            } catch (RuntimeException e) {
                throw new IllegalStateException("function " + function.name()
                        + " cannot start: " + e.getMessage(), e);
            }
        }
        return bySpec.size();
    }

    @Override
    public void close() {
        for (LocalFunction<?, ?> function : bySpec.values()) {
            function.close();
        }
    }
}
