package dev.polychat.local.server;

import dev.polychat.local.http.Health;
import dev.polychat.local.http.HttpApi;
import dev.polychat.local.http.Readiness;
import dev.polychat.local.http.StaticSite;
import dev.polychat.local.management.ConnectionsApi;
import dev.polychat.local.websocket.WebSocketGateway;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP port of the local stack, on 127.0.0.1 only: the WebSocket API on {@code /ws},
 * its Management API on {@code /local/@connections}, the HTTP API on {@code /api}, the
 * health check, and the web app.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    public static final String HOST = "127.0.0.1";
    private static final int MAX_THREADS = 200;
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final Server server;
    private final ServerConnector connector;

    private GatewayServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts listening on {@code port} (0 for any free one).
     *
     * @throws PortTakenException when something else listens on the port
     */
    public static GatewayServer start(int port, WebSocketGateway webSocket, HttpApi httpApi,
            Readiness readiness, Path webDist) {
        return start(port, webSocket, httpApi, readiness, webDist, List.of());
    }

    /** The same, with {@code hooks} asked first (the bench's floor, when it is switched on). */
    public static GatewayServer start(int port, WebSocketGateway webSocket, HttpApi httpApi,
            Readiness readiness, Path webDist, List<Handler> hooks) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS);
        threads.setName("polychat-http");
        Server server = new Server(threads);
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        server.setErrorHandler(new JsonErrors());

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Jetty looks every request header up in a per-connection cache of values seen before.
        // Management API posts carry a fresh signature and date each, so the lookup never hits
        // and was the largest single cost of fan-out to 1000 sockets in the bench's profile.
        http.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(HOST);
        connector.setPort(port);
        server.addConnector(connector);

        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, context,
                webSocket::install);
        List<Handler> handlers = new ArrayList<>(hooks);
        handlers.addAll(List.of(
                new ConnectionsApi(webSocket.connections()),
                httpApi,
                new Health(readiness),
                new UpgradeRequired(),
                new StaticSite(webDist)));
        upgrades.setHandler(new Handler.Sequence(handlers));
        context.setHandler(upgrades);
        server.setHandler(context);

        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            if (e instanceof IOException && e.getCause() instanceof BindException
                    || e instanceof BindException) {
                throw new PortTakenException(port);
            }
            throw new IllegalStateException("the HTTP server did not start: " + e.getMessage(), e);
        }
        return new GatewayServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the JVM is usually about to exit.
            LOG.warn("the HTTP server did not stop cleanly: {}", e.toString());
        }
    }
}
