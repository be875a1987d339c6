package dev.polychat.local.websocket;

import dev.polychat.local.lambda.LocalFunction;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API Gateway's WebSocket API on {@code /ws}: admission through the authorizer and
 * {@code $connect}, route selection, route responses, {@code $disconnect}, and the quotas.
 */
public final class WebSocketGateway implements AutoCloseable {
    public static final String PATH = "/ws";

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketGateway.class);
    /** Jetty's own idle timeout only backs ours up, so it fires a little later. */
    private static final Duration JETTY_IDLE_MARGIN = Duration.ofSeconds(30);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("websocket-route-", 0).factory());
    private final WebSocketLimits limits;
    private final UpgradeGate gate;
    private final ConnectionLimits enforcer;

    /**
     * @param routes the message routes by route key, {@code $default} included
     */
    public WebSocketGateway(LocalFunction<?, ?> authorizer, LocalFunction<?, ?> connect,
            LocalFunction<?, ?> disconnect, Map<String, LocalFunction<?, ?>> routes,
            WebSocketLimits limits) {
        WebSocketEvents events = new WebSocketEvents();
        RouteInvoker invoker = new RouteInvoker(routes, disconnect, events);
        this.limits = limits;
        this.gate = new UpgradeGate(new Admission(authorizer, connect, events), registry,
                invoker, executor, (connection, code, reason) -> ended(invoker, connection,
                        code, reason));
        this.enforcer = new ConnectionLimits(registry, limits);
    }

    private void ended(RouteInvoker invoker, Connection connection, int code, String reason) {
        registry.remove(connection);
        try {
            executor.execute(() -> invoker.disconnected(connection, code, reason));
        } catch (RejectedExecutionException shutDown) {
            LOG.warn("$disconnect for connection {} skipped: the gateway is stopping",
                    connection.id());
        }
    }

    /** Maps {@code /ws} with API Gateway's frame and message limits. */
    public void install(ServerWebSocketContainer container) {
        // Jetty would otherwise split an oversized incoming frame instead of refusing it.
        container.setAutoFragment(false);
        container.setMaxFrameSize(WebSocketLimits.MAX_FRAME_BYTES);
        container.setMaxTextMessageSize(WebSocketLimits.MAX_MESSAGE_BYTES);
        container.setMaxBinaryMessageSize(WebSocketLimits.MAX_MESSAGE_BYTES);
        container.setIdleTimeout(limits.idleTimeout().plus(JETTY_IDLE_MARGIN));
        container.addMapping(PATH, gate);
    }

    public ConnectionRegistry connections() {
        return registry;
    }

    /**
     * Closes every connection with 1001 and waits for their {@code $disconnect} routes, so the
     * handlers clean up while the data services still run.
     */
    @Override
    public void close() {
        enforcer.close();
        for (Connection connection : registry.all()) {
            connection.close(StatusCode.SHUTDOWN, "Going away");
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("routes still running after {} s; stopping anyway",
                        DRAIN_TIMEOUT.toSeconds());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
