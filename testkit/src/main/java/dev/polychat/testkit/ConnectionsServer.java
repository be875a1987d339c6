package dev.polychat.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for API Gateway's Management API ({@code @connections}) that records what the
 * handlers post, so tests can see who received which frame. It answers as API Gateway does:
 * a POST to a live connection is 200; to one that is gone, or that the test never registered,
 * 410 with {@code x-amzn-ErrorType: GoneException}, which the SDK turns into its
 * {@code GoneException}. GET describes a live connection and DELETE closes it.
 *
 * <p>It binds 127.0.0.1 on a free port, under a stage path like API Gateway's
 * ({@code http://127.0.0.1:<port>/test}); that is the value of
 * {@code POLYCHAT_CONNECTIONS_ENDPOINT}.
 */
public final class ConnectionsServer implements AutoCloseable {
    /** API Gateway refuses a post over 128 KB; so do we, with its status and error type. */
    public static final int MAX_PAYLOAD_BYTES = 128 * 1024;

    private static final String GONE_BODY = "{\"message\":null}";

    private final HttpServer server;
    private final ExecutorService workers;
    private final String stage;
    private final Map<String, Instant> live = new ConcurrentHashMap<>();
    private final Map<String, List<String>> frames = new ConcurrentHashMap<>();

    private ConnectionsServer(HttpServer server, ExecutorService workers, String stage) {
        this.server = server;
        this.workers = workers;
        this.stage = stage;
    }

    /** Starts a server for the stage {@code test}. */
    public static ConnectionsServer start() {
        return start("test");
    }

    public static ConnectionsServer start(String stage) {
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // Fan-out posts overlap; a few workers let them, as the real endpoint does.
            ExecutorService workers = Executors.newFixedThreadPool(4);
            ConnectionsServer connections = new ConnectionsServer(server, workers, stage);
            server.createContext("/", connections::handle);
            server.setExecutor(workers);
            server.start();
            return connections;
        } catch (IOException e) {
            throw new UncheckedIOException("the @connections server did not start", e);
        }
    }

    /** The Management API endpoint, stage included: {@code http://127.0.0.1:<port>/test}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + stage;
    }

    /** Makes the connection live: posts to it are recorded and answered 200. */
    public void register(String connectionId) {
        live.put(connectionId, Instant.now());
    }

    /** The client went away without a close: posts to it are answered 410 from now on. */
    public void markGone(String connectionId) {
        live.remove(connectionId);
    }

    public boolean isLive(String connectionId) {
        return live.containsKey(connectionId);
    }

    /** The frames delivered to the connection, oldest first; gone posts are not recorded. */
    public List<String> framesTo(String connectionId) {
        return List.copyOf(frames.getOrDefault(connectionId, List.of()));
    }

    /** Forgets what was delivered so far, keeping which connections are live or gone. */
    public void clearFrames() {
        frames.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String prefix = "/" + stage + "/@connections/";
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith(prefix) || path.length() == prefix.length()) {
                answer(exchange, 403, "ForbiddenException", "{\"message\":\"Forbidden\"}");
                return;
            }
            String connectionId = path.substring(prefix.length());
            switch (exchange.getRequestMethod()) {
                case "POST" -> post(exchange, connectionId);
                case "GET" -> describe(exchange, connectionId);
                case "DELETE" -> disconnect(exchange, connectionId);
                default -> answer(exchange, 403, "ForbiddenException",
                        "{\"message\":\"Forbidden\"}");
            }
        }
    }

    private void post(HttpExchange exchange, String connectionId) throws IOException {
        byte[] data = readAll(exchange.getRequestBody());
        if (!live.containsKey(connectionId)) {
            answer(exchange, 410, "GoneException", GONE_BODY);
            return;
        }
        if (data.length > MAX_PAYLOAD_BYTES) {
            answer(exchange, 413, "PayloadTooLargeException",
                    "{\"message\":\"Message too long\"}");
            return;
        }
        frames.computeIfAbsent(connectionId, id -> new CopyOnWriteArrayList<>())
                .add(new String(data, StandardCharsets.UTF_8));
        answer(exchange, 200, null, "");
    }

    private void describe(HttpExchange exchange, String connectionId) throws IOException {
        Instant connectedAt = live.get(connectionId);
        if (connectedAt == null) {
            answer(exchange, 410, "GoneException", GONE_BODY);
            return;
        }
        answer(exchange, 200, null, "{\"connectedAt\":\"" + connectedAt + "\","
                + "\"identity\":{\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"polychat-test\"},"
                + "\"lastActiveAt\":\"" + connectedAt + "\"}");
    }

    private void disconnect(HttpExchange exchange, String connectionId) throws IOException {
        if (live.remove(connectionId) == null) {
            answer(exchange, 410, "GoneException", GONE_BODY);
            return;
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private static void answer(HttpExchange exchange, int status, String errorType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
