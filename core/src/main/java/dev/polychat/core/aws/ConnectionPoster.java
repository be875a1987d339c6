package dev.polychat.core.aws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * PostToConnection without the SDK's request pipeline: {@code POST
 * {endpoint}/@connections/{id}}, SigV4-signed for {@code execute-api} by the SDK's own signer,
 * sent on the JDK's HttpClient. Fan-out posts one frame to a thousand connections; the SDK's
 * per-request machinery (interceptors, endpoint rules, user agent, its async hand-offs) cost
 * more CPU than the post itself. At most {@code maxInFlight} posts are on the wire at once,
 * the rest wait in a queue; throttling, server errors and broken connections are retried twice.
 */
public final class ConnectionPoster implements AutoCloseable {
    /** How a post ended: delivered, or the connection is gone (410). */
    public enum Outcome { DELIVERED, GONE }

    private static final String SERVICE = "execute-api";
    private static final int MAX_ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MILLIS = 25;
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> JDK_OWNED =
            Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final String endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    /**
     * @param endpoint the WebSocket API's management endpoint, with its stage:
     *     {@code https://{api}.execute-api.{region}.amazonaws.com/{stage}}
     */
    public ConnectionPoster(URI endpoint, Region region, AwsCredentialsProvider credentials,
            int maxInFlight, Duration connectTimeout, Duration requestTimeout) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got "
                    + maxInFlight);
        }
        String text = endpoint.toString();
        this.endpoint = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.region = region.id();
        this.credentials = credentials;
        this.requestTimeout = requestTimeout;
        this.permits = new Semaphore(maxInFlight);
        // Completions run on the client's selector thread: what follows a response never
        // blocks, and a hop to a worker pool cost more CPU than the post itself.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(Runnable::run)
                .build();
    }

    /** Sends one frame; completes with the outcome, or exceptionally when the post failed. */
    public CompletableFuture<Outcome> post(String connectionId, byte[] frame) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        waiting.add(() -> attempt(connectionId, frame, 1, result));
        startWhatMay();
        return result;
    }

    /** Starts queued posts while permits last; called on every enqueue and completion. */
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

    private void attempt(String connectionId, byte[] frame, int attempt,
            CompletableFuture<Outcome> result) {
        HttpRequest request;
        try {
            request = signed(connectionId, frame);
        } catch (RuntimeException e) {
            done(result, null, e);
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    int status = error == null ? response.statusCode() : 0;
                    if (error == null && status / 100 == 2) {
                        done(result, Outcome.DELIVERED, null);
                    } else if (status == 410) {
                        done(result, Outcome.GONE, null);
                    } else if (attempt < MAX_ATTEMPTS && retryable(status, error)) {
                        CompletableFuture.delayedExecutor(RETRY_PAUSE_MILLIS * attempt,
                                TimeUnit.MILLISECONDS).execute(() ->
                                        attempt(connectionId, frame, attempt + 1, result));
                    } else {
                        done(result, null, error != null ? error
                                : new IOException("post to connection " + connectionId
                                        + " answered HTTP " + status));
                    }
                });
    }

    private void done(CompletableFuture<Outcome> result, Outcome outcome, Throwable error) {
        permits.release();
        startWhatMay();
        if (error == null) {
            result.complete(outcome);
        } else {
            result.completeExceptionally(error);
        }
    }

    private static boolean retryable(int status, Throwable error) {
        return error instanceof IOException || status == 429 || status >= 500;
    }

    private HttpRequest signed(String connectionId, byte[] frame) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create(endpoint + "/@connections/"
                        + SdkHttpUtils.urlEncode(connectionId)))
                .putHeader("Content-Type", "application/json")
                .build();
        SdkHttpRequest signed = signer.sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(frame))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)).request();

        HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri())
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(frame));
        signed.forEachHeader((name, values) -> {
            if (!JDK_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    @Override
    public void close() {
        http.close();
    }
}
