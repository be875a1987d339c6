package dev.polychat.bench.stack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One client connection over a real WebSocket, as a browser makes it: the token in the query
 * string, one JSON object per frame. Each whole frame received goes to {@code onFrame} with
 * the moment it arrived; sends are queued so that frames never interleave.
 */
public final class ChatSocket implements AutoCloseable {
    private final WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    /** What a received frame is handed to: its text and {@link System#nanoTime()} on arrival. */
    @FunctionalInterface
    public interface FrameListener {
        void frame(String text, long arrivedNanos);
    }

    private ChatSocket(WebSocket socket) {
        this.socket = socket;
    }

    public static CompletableFuture<ChatSocket> connect(HttpClient http, String url, String token,
            FrameListener onFrame) {
        URI uri = URI.create(url + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, new Listener(onFrame))
                .thenApply(ChatSocket::new);
    }

    public synchronized void send(String frame) {
        sending = sending.thenCompose(previous -> socket.sendText(frame, true));
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final FrameListener onFrame;
        private final StringBuilder partial = new StringBuilder();

        Listener(FrameListener onFrame) {
            this.onFrame = onFrame;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            if (last && partial.isEmpty()) {
                onFrame.frame(data.toString(), now);
            } else {
                partial.append(data);
                if (last) {
                    onFrame.frame(partial.toString(), now);
                    partial.setLength(0);
                }
            }
            socket.request(1);
            return null;
        }
    }

    /** Reads a string field's value from a frame without parsing all of it. */
    public static String field(String frame, String name, int from) {
        String key = "\"" + name + "\":\"";
        int start = frame.indexOf(key, from);
        if (start < 0) {
            return null;
        }
        start += key.length();
        int end = frame.indexOf('"', start);
        return end < 0 ? null : frame.substring(start, end);
    }
}
