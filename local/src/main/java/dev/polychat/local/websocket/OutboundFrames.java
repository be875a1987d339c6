package dev.polychat.local.websocket;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends text frames to one socket strictly one after another. Posts from many handlers arrive
 * at once; each message goes out whole before the next starts, so a large message that the
 * server fragments can never be interleaved with another.
 */
final class OutboundFrames {
    private static final int IN_PROGRESS = 0;
    private static final int COMPLETED_INLINE = 1;
    private static final int RETURNED = 2;

    private final Session session;
    private final Queue<Pending> queue = new ArrayDeque<>();
    private boolean sending;

    OutboundFrames(Session session) {
        this.session = session;
    }

    /** Queues a frame; the future completes once Jetty has written it, or fails. */
    CompletableFuture<Void> send(String text) {
        Pending pending = new Pending(text, new CompletableFuture<>());
        synchronized (this) {
            queue.add(pending);
            if (sending) {
                return pending.done;
            }
            sending = true;
        }
        pump();
        return pending.done;
    }

    /**
     * Writes queued frames in order. A write that completes at once continues the loop here; one
     * that completes later resumes the loop from its callback, so the stack never grows.
     */
    private void pump() {
        while (true) {
            Pending next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    sending = false;
                    return;
                }
            }
            AtomicInteger state = new AtomicInteger(IN_PROGRESS);
            session.sendText(next.text, Callback.from(
                    () -> finished(next, null, state),
                    failure -> finished(next, failure, state)));
            if (state.compareAndSet(IN_PROGRESS, RETURNED)) {
                return;
            }
        }
    }

    private void finished(Pending pending, Throwable failure, AtomicInteger state) {
        if (failure == null) {
            pending.done.complete(null);
        } else {
            pending.done.completeExceptionally(failure);
        }
        if (!state.compareAndSet(IN_PROGRESS, COMPLETED_INLINE)) {
            pump();
        }
    }

    private record Pending(String text, CompletableFuture<Void> done) {
    }
}
