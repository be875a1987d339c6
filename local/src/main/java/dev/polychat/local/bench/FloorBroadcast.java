package dev.polychat.local.bench;

import dev.polychat.core.config.Env;
import dev.polychat.local.http.RequestBodies;
import dev.polychat.local.http.Responses;
import dev.polychat.local.websocket.Connection;
import dev.polychat.local.websocket.ConnectionRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The bench's floor for fan-out: {@code POST /local/bench/floor} writes the posted frame
 * straight to every open WebSocket, bypassing handlers, the SDK and storage, and answers once
 * all writes are done. Only there when {@value #SETTING} is true, which only the bench sets.
 */
public final class FloorBroadcast extends Handler.Abstract {
    public static final String SETTING = "POLYCHAT_BENCH_FLOOR";
    public static final String PATH = "/local/bench/floor";
    private static final int MAX_FRAME_BYTES = 32 * 1024;

    private final ConnectionRegistry connections;

    private FloorBroadcast(ConnectionRegistry connections) {
        this.connections = connections;
    }

    /** The hook when the environment turns it on; nothing otherwise. */
    public static Optional<Handler> ifEnabled(Env env, ConnectionRegistry connections) {
        return env.flag(SETTING, false) ? Optional.of(new FloorBroadcast(connections))
                : Optional.empty();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
            throws Exception {
        if (!PATH.equals(Request.getPathInContext(request))
                || !HttpMethod.POST.is(request.getMethod())) {
            return false;
        }
        Optional<byte[]> frame = RequestBodies.read(request, MAX_FRAME_BYTES);
        if (frame.isEmpty()) {
            Responses.empty(response, callback, 413);
            return true;
        }

        String text = new String(frame.get(), StandardCharsets.UTF_8);
        List<Connection> open = List.copyOf(connections.all());
        CompletableFuture<?>[] writes = open.stream().map(c -> c.send(text))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(writes).whenComplete((done, failure) ->
                Responses.json(response, callback, 200, "{\"sent\":" + open.size() + "}"));
        return true;
    }
}
