package dev.polychat.local.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client (the JDK's) that collects whole messages and remembers how the
 * server closed the socket.
 */
public final class TestSocket implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** How the server closed: status code and reason. */
    public record Close(int statusCode, String reason) {
    }

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private WebSocket socket;

    private TestSocket() {
    }

    public static TestSocket connect(HttpClient client, URI uri) {
        TestSocket test = new TestSocket();
        test.socket = client.newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(uri, test.new Collector()).join();
        return test;
    }

    /** The HTTP status the server refused the upgrade with. */
    public static int refusal(HttpClient client, URI uri) {
        try {
            client.newWebSocketBuilder().buildAsync(uri, new TestSocket().new Collector())
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the upgrade to " + uri + " was accepted");
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends one message as several frames. */
    public void sendFragmented(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).join();
        }
    }

    /** The next whole message from the server. */
    public String next() {
        try {
            String message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + WAIT.toSeconds() + " s");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public boolean hasNoMessage() {
        return messages.isEmpty();
    }

    /** Waits for the server to close the socket. */
    public Close awaitClose() {
        return closed.orTimeout(WAIT.toSeconds() * 3, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public void closeFromClient() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Close(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
