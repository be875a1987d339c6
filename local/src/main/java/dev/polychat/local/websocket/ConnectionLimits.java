package dev.polychat.local.websocket;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections that have been idle or open too long, with 1001 "Going away" as API
 * Gateway does. One timer looks over every connection a few times per idle period.
 */
final class ConnectionLimits implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);
    private static final long MIN_TICK_MILLIS = 100;
    private static final long MAX_TICK_MILLIS = 5_000;

    private final ConnectionRegistry registry;
    private final long idleMillis;
    private final long lifetimeMillis;
    private final ScheduledExecutorService timer;

    ConnectionLimits(ConnectionRegistry registry, WebSocketLimits limits) {
        this.registry = registry;
        this.idleMillis = limits.idleTimeout().toMillis();
        this.lifetimeMillis = limits.maxLifetime().toMillis();
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "websocket-limits");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.clamp(Math.min(idleMillis, lifetimeMillis) / 10, MIN_TICK_MILLIS,
                MAX_TICK_MILLIS);
        timer.scheduleWithFixedDelay(this::enforce, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void enforce() {
        try {
            closeOverdue();
        } catch (RuntimeException e) {
            // A failed round must not cancel the timer; the next round tries again.
            LOG.warn("checking connection limits failed: {}", e.toString());
        }
    }

    private void closeOverdue() {
        long now = System.currentTimeMillis();
        for (Connection connection : registry.all()) {
            boolean idle = now - connection.lastActiveAt() >= idleMillis;
            boolean expired = now - connection.connectedAt() >= lifetimeMillis;
            if (idle || expired) {
                LOG.info("closing connection {}: {}", connection.id(),
                        expired ? "maximum lifetime reached" : "idle too long");
                connection.close(StatusCode.SHUTDOWN, "Going away");
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
