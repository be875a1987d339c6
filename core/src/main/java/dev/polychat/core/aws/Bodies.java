package dev.polychat.core.aws;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Request and response bodies between the SDK's reactive streams and whole byte arrays. */
final class Bodies {
    private Bodies() {
    }

    /** Reads a whole request body; the bodies we send are small (a chat frame, a key). */
    static CompletableFuture<byte[]> collect(Publisher<ByteBuffer> publisher) {
        CompletableFuture<byte[]> whole = new CompletableFuture<>();
        if (publisher == null) {
            whole.complete(new byte[0]);
            return whole;
        }
        publisher.subscribe(new Subscriber<>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable error) {
                whole.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                whole.complete(bytes.toByteArray());
            }
        });
        return whole;
    }

    /** A publisher of one buffer; {@code delivered} runs once the subscriber has it all. */
    static Publisher<ByteBuffer> single(ByteBuffer buffer, Runnable delivered) {
        return subscriber -> subscriber.onSubscribe(new Subscription() {
            private final AtomicBoolean done = new AtomicBoolean();

            @Override
            public void request(long n) {
                if (n <= 0) {
                    if (done.compareAndSet(false, true)) {
                        subscriber.onError(new IllegalArgumentException(
                                "request must be positive (reactive streams rule 3.9)"));
                        delivered.run();
                    }
                    return;
                }
                if (done.compareAndSet(false, true)) {
                    if (buffer.hasRemaining()) {
                        subscriber.onNext(buffer);
                    }
                    subscriber.onComplete();
                    delivered.run();
                }
            }

            @Override
            public void cancel() {
                if (done.compareAndSet(false, true)) {
                    delivered.run();
                }
            }
        });
    }
}
