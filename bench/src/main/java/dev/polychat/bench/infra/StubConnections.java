package dev.polychat.bench.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A stand-in for API Gateway's {@code @connections} endpoint on 127.0.0.1 that accepts every
 * post and counts it: the in-process measurements need somewhere for fan-out to post to, and
 * the count is what arrived, not what the code meant to send.
 */
public final class StubConnections implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final LongAdder posts = new LongAdder();

    private StubConnections(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static StubConnections start() {
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            StubConnections stub = new StubConnections(server, executor);
            server.createContext("/@connections/", stub::answer);
            server.setExecutor(executor);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the @connections stand-in", e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            if ("POST".equals(exchange.getRequestMethod())) {
                posts.increment();
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long posts() {
        return posts.sum();
    }

    public void reset() {
        posts.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
