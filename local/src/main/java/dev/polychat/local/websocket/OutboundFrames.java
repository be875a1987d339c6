package dev.polychat.local.websocket;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends text messages to one socket strictly one after another, each cut into frames of at
 * most the frame quota. Posts from many handlers arrive at once; every message goes out whole,
 * all its frames in a row, before the next one starts, so two messages never interleave.
 */
final class OutboundFrames {
    private static final int IN_PROGRESS = 0;
    private static final int COMPLETED_INLINE = 1;
    private static final int RETURNED = 2;

    private final Session session;
    private final int maxFrameBytes;
    private final Queue<Pending> queue = new ArrayDeque<>();
    private boolean sending;

    OutboundFrames(Session session, int maxFrameBytes) {
        this.session = session;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Queues a message; the future completes once Jetty has written it, or fails. */
    CompletableFuture<Void> send(String text) {
        Pending pending = new Pending(FrameSplitter.split(text, maxFrameBytes),
                new CompletableFuture<>());
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
            Pending head;
            synchronized (this) {
                head = queue.peek();
                if (head == null) {
                    sending = false;
                    return;
                }
            }
            AtomicInteger state = new AtomicInteger(IN_PROGRESS);
            Callback callback = Callback.from(
                    () -> frameWritten(head, null, state),
                    failure -> frameWritten(head, failure, state));
            String frame = head.frames.get(head.next);
            boolean last = head.next == head.frames.size() - 1;
            if (head.frames.size() == 1) {
                session.sendText(frame, callback);
            } else {
                session.sendPartialText(frame, last, callback);
            }
            if (state.compareAndSet(IN_PROGRESS, RETURNED)) {
                return;
            }
        }
    }

    private void frameWritten(Pending head, Throwable failure, AtomicInteger state) {
        head.next++;
        if (failure != null || head.next == head.frames.size()) {
            synchronized (this) {
                queue.poll();
            }
            if (failure == null) {
                head.done.complete(null);
            } else {
                head.done.completeExceptionally(failure);
            }
        }
        if (!state.compareAndSet(IN_PROGRESS, COMPLETED_INLINE)) {
            pump();
        }
    }

    private static final class Pending {
        private final List<String> frames;
        private final CompletableFuture<Void> done;
        private int next;

        private Pending(List<String> frames, CompletableFuture<Void> done) {
            this.frames = frames;
            this.done = done;
        }
    }
}
