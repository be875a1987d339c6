package dev.polychat.core.realtime;

import dev.polychat.core.dynamo.SubscriptionStore;
import dev.polychat.core.dynamo.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Delivers one frame to many connections through the API Gateway Management API: reads a
 * room's subscribers by key, page by page, and posts to each by connection id with many posts
 * in flight (the async HTTP client bounds how many). A gone connection (410) is handed to
 * {@code onGone} for clean-up and never fails the others. Returns only when every post has
 * finished, because a Lambda environment freezes once its handler returns.
 */
public final class Fanout {
    private static final Logger LOG = LoggerFactory.getLogger(Fanout.class);
    public static final int PAGE_SIZE = 1000;
    private static final Duration DEADLINE = Duration.ofSeconds(25);

    private final ApiGatewayManagementApiAsyncClient connections;
    private final SubscriptionStore subscriptions;
    private final Consumer<List<Subscriber>> onGone;
    private final Clock clock;

    public Fanout(ApiGatewayManagementApiAsyncClient connections, SubscriptionStore subscriptions,
            Consumer<List<Subscriber>> onGone, Clock clock) {
        this.connections = connections;
        this.subscriptions = subscriptions;
        this.onGone = onGone;
        this.clock = clock;
    }

    /** What a delivery did. */
    public record Result(int delivered, int gone, int failed) {
    }

    /** Posts the frame to every subscriber of the room that {@code include} accepts. */
    public Result toRoom(String roomId, String frame, Predicate<Subscriber> include) {
        Delivery delivery = new Delivery(frame);
        subscriptions.forEachPage(roomId, PAGE_SIZE, clock.instant(), page -> {
            for (Subscriber subscriber : page) {
                if (include.test(subscriber)) {
                    delivery.post(subscriber);
                }
            }
        });
        return delivery.finish();
    }

    /** Posts the frame once to each of these subscribers (duplicates by connection skipped). */
    public Result toSubscribers(Collection<Subscriber> recipients, String frame) {
        Delivery delivery = new Delivery(frame);
        recipients.forEach(delivery::post);
        return delivery.finish();
    }

    /** Posts to one connection; true when it was delivered. */
    public boolean toConnection(Subscriber recipient, String frame) {
        return toSubscribers(List.of(recipient), frame).delivered() == 1;
    }

    private final class Delivery {
        private final SdkBytes payload;
        private final List<CompletableFuture<?>> posts = new ArrayList<>();
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final List<Subscriber> gone = new ArrayList<>();
        private final AtomicInteger delivered = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        Delivery(String frame) {
            this.payload = SdkBytes.fromUtf8String(frame);
        }

        void post(Subscriber subscriber) {
            if (!seen.add(subscriber.connectionId())) {
                return;
            }
            posts.add(connections.postToConnection(b -> b.connectionId(subscriber.connectionId())
                            .data(payload))
                    .handle((response, error) -> {
                        record(subscriber, error);
                        return null;
                    }));
        }

        private void record(Subscriber subscriber, Throwable error) {
            if (error == null) {
                delivered.incrementAndGet();
                return;
            }
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof GoneException) {
                synchronized (gone) {
                    gone.add(subscriber);
                }
            } else {
                failed.incrementAndGet();
                LOG.warn("post to connection {} failed: {}", subscriber.connectionId(),
                        cause.toString());
            }
        }

        Result finish() {
            awaitAll();
            List<Subscriber> goneNow;
            synchronized (gone) {
                goneNow = List.copyOf(gone);
            }
            if (!goneNow.isEmpty()) {
                LOG.debug("{} connections gone; cleaning up", goneNow.size());
                onGone.accept(goneNow);
            }
            return new Result(delivered.get(), goneNow.size(), failed.get());
        }

        private void awaitAll() {
            CompletableFuture<Void> all = CompletableFuture.allOf(
                    posts.toArray(CompletableFuture[]::new));
            try {
                all.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("interrupted while delivering to {} connections", posts.size());
            } catch (ExecutionException e) {
                LOG.warn("delivery finished with an error: {}", e.getCause().toString());
            } catch (TimeoutException e) {
                LOG.warn("delivery to {} connections not finished after {} s", posts.size(),
                        DEADLINE.toSeconds());
            }
        }
    }
}
