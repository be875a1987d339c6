package dev.polychat.local.websocket;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server end of one socket. Messages are handed to the route invoker off Jetty's threads,
 * one at a time per connection: the next frame is read only once the previous message's
 * route has run, so a slow handler slows its own client and nobody else.
 */
public final class GatewaySocket implements Session.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(GatewaySocket.class);

    private final Connection connection;
    private final ConnectionRegistry registry;
    private final RouteInvoker routes;
    private final Executor executor;
    private volatile Session session;

    GatewaySocket(Connection connection, ConnectionRegistry registry, RouteInvoker routes,
            Executor executor) {
        this.connection = connection;
        this.registry = registry;
        this.routes = routes;
        this.executor = executor;
    }

    @Override
    public void onWebSocketOpen(Session openedSession) {
        this.session = openedSession;
        connection.opened(openedSession);
        registry.add(connection);
        LOG.debug("connection {} open", connection.id());
        openedSession.demand();
    }

    @Override
    public void onWebSocketText(String message) {
        connection.touched(System.currentTimeMillis());
        route(message, false);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        connection.touched(System.currentTimeMillis());
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        callback.succeed();
        route(Base64.getEncoder().encodeToString(bytes), true);
    }

    private void route(String body, boolean base64) {
        try {
            executor.execute(() -> {
                try {
                    routes.message(connection, body, base64);
                } finally {
                    readNext();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            connection.close(StatusCode.SHUTDOWN, "Going away");
        }
    }

    private void readNext() {
        Session open = session;
        if (open != null && open.isOpen()) {
            open.demand();
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        LOG.debug("connection {} closed: {} {}", connection.id(), statusCode, reason);
        connection.closed(statusCode, reason);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("connection {} failed: {}", connection.id(), cause.toString());
        connection.closed(StatusCode.ABNORMAL, cause.getMessage());
    }
}
