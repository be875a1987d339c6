package dev.polychat.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A real WebSocket client (java.net.http) that collects the frames the server sends. */
final class Socket implements WebSocket.Listener, AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final List<JsonNode> skipped = new ArrayList<>();
    private WebSocket webSocket;

    /** Opens a socket with the token in the query string, as browsers do. */
    static Socket open(URI wsBase, String token) {
        Socket socket = new Socket();
        URI uri = URI.create(wsBase + "?token=" + URLEncoder.encode(token,
                StandardCharsets.UTF_8));
        try {
            socket.webSocket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, socket).get(20, TimeUnit.SECONDS);
            return socket;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("WebSocket did not open: " + e.getMessage(), e);
        }
    }

    /** The HTTP status that refused the upgrade, or -1 if a socket opened. */
    static int refusalStatus(URI uri) {
        try {
            WebSocket opened = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(uri, new Socket()).get(20, TimeUnit.SECONDS);
            opened.abort();
            return -1;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new IllegalStateException(e);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    void send(String frame) {
        webSocket.sendText(frame, true).join();
    }

    void send(JsonNode frame) {
        send(Json.write(frame));
    }

    /** Sends one message split into fragments of {@code fragment} characters each. */
    void sendFragmented(String message, int fragment) {
        for (int start = 0; start < message.length(); start += fragment) {
            int end = Math.min(message.length(), start + fragment);
            webSocket.sendText(message.substring(start, end), end == message.length()).join();
        }
    }

    /** The next frame of this type; frames of other types stay for later calls. */
    JsonNode next(String type) {
        return next(frame -> type.equals(frame.path("type").asText()), type);
    }

    JsonNode next(Predicate<JsonNode> wanted, String what) {
        JsonNode frame = take(wanted, WAIT);
        if (frame == null) {
            throw new AssertionError("no " + what + " frame within " + WAIT.toSeconds() + " s");
        }
        return frame;
    }

    /** Every frame of this type that arrives within {@code quiet}. */
    List<JsonNode> collect(String type, Duration quiet) {
        List<JsonNode> matching = new ArrayList<>();
        long deadline = System.nanoTime() + quiet.toNanos();
        JsonNode frame;
        while ((frame = take(f -> type.equals(f.path("type").asText()),
                Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) != null) {
            matching.add(frame);
        }
        return matching;
    }

    private JsonNode take(Predicate<JsonNode> wanted, Duration wait) {
        for (int i = 0; i < skipped.size(); i++) {
            if (wanted.test(skipped.get(i))) {
                return skipped.remove(i);
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    return null;
                }
                if (wanted.test(frame)) {
                    return frame;
                }
                skipped.add(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The close code the server sent, waiting for it. */
    int closeCode() {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("socket not closed by the server within " + WAIT, e);
        }
    }

    boolean isOpen() {
        return !closed.isDone() && !webSocket.isInputClosed();
    }

    void drop() {
        webSocket.abort();
    }

    @Override
    public void onOpen(WebSocket socket) {
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(Json.read(partial.toString()));
            } catch (IOException e) {
                frames.add(Json.object().put("type", "<not json>").put("text",
                        partial.toString()));
            }
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (webSocket != null && !webSocket.isOutputClosed()) {
            try {
                webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                webSocket.abort();
            }
        }
    }
}
