package dev.polychat.core.aws;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The SDK's async HTTP client on the JDK's own {@link HttpClient}: no Netty in the jar (about
 * 3.9 MB and a few hundred classes to load at a cold start), and its classes come from the
 * JDK's shared archive. At most {@code maxInFlight} requests are on the wire at once; the
 * rest wait in a queue, so a burst of a thousand posts never turns into a thousand sockets.
 * HTTP/1.1 with keep-alive, as API Gateway's {@code @connections} endpoint expects.
 */
public final class JdkAsyncHttpClient implements SdkAsyncHttpClient {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> JDK_OWNED =
            Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient http;
    private final Duration requestTimeout;
    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    public JdkAsyncHttpClient(int maxInFlight, Duration connectTimeout, Duration requestTimeout) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got "
                    + maxInFlight);
        }
        // Completions run on the client's selector thread: what follows a response (the SDK
        // hands it to its own completion executor) never blocks, and each hop to a worker
        // pool cost more CPU than the post itself (measured: 180 vs 75 us per post).
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(Runnable::run)
                .build();
        this.requestTimeout = requestTimeout;
        this.permits = new Semaphore(maxInFlight);
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.add(() -> send(request, done));
        startWhatMay();
        return done;
    }

    /** Starts queued requests while permits last; called on every enqueue and completion. */
    private void startWhatMay() {
        while (!waiting.isEmpty() && permits.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                permits.release();
                return;
            }
            next.run();
        }
    }

    private void send(AsyncExecuteRequest request, CompletableFuture<Void> done) {
        SdkAsyncHttpResponseHandler handler = request.responseHandler();
        Bodies.collect(request.requestContentPublisher())
                .thenCompose(body -> http.sendAsync(jdkRequest(request.request(), body),
                        HttpResponse.BodyHandlers.ofByteArray()))
                .whenComplete((response, error) -> {
                    permits.release();
                    startWhatMay();
                    if (error != null) {
                        handler.onError(error);
                        done.completeExceptionally(error);
                        return;
                    }
                    handler.onHeaders(SdkHttpFullResponse.builder()
                            .statusCode(response.statusCode())
                            .headers(response.headers().map())
                            .build());
                    handler.onStream(Bodies.single(ByteBuffer.wrap(response.body()),
                            () -> done.complete(null)));
                });
    }

    private HttpRequest jdkRequest(SdkHttpRequest sdk, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(sdk.getUri())
                .timeout(requestTimeout)
                .method(sdk.method().name(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, java.util.List<String>> header : sdk.headers().entrySet()) {
            if (!JDK_OWNED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        return builder.build();
    }

    @Override
    public String clientName() {
        return "JdkHttpClient";
    }

    @Override
    public void close() {
        http.close();
    }
}
