package dev.polychat.bench.stack;

import dev.polychat.bench.report.Percentiles;
import dev.polychat.bench.report.Results;
import dev.polychat.core.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sustained load: clients spread over rooms, each sending its next message as soon as the
 * last one is acked, for a fixed time. Counts acked messages per second and ack latency, and
 * checks every subscriber of a room got every acked message of it exactly once.
 */
public final class ThroughputBench {
    private static final Logger LOG = LoggerFactory.getLogger(ThroughputBench.class);
    private static final String BODY = "Load probe: sent the moment the previous one was acked.";
    private static final long UNANSWERED_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final BenchStack stack;
    private final int clients;
    private final int rooms;
    private final Duration duration;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong ackedInWindow = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final ConcurrentLinkedQueue<Double> ackMs = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> ackedRoomOf = new ConcurrentHashMap<>();
    private Sender[] senders;
    private List<Set<String>> received;

    public ThroughputBench(BenchStack stack, int clients, int rooms, Duration duration) {
        this.stack = stack;
        this.clients = clients;
        this.rooms = rooms;
        this.duration = duration;
    }

    /** One client's send loop: one message in flight at a time. */
    private final class Sender {
        final int client;
        final int room;
        String roomId;
        ChatSocket socket;
        volatile String inFlight;
        volatile long sentNanos;
        long sequence;

        Sender(int client, int room) {
            this.client = client;
            this.room = room;
        }

        synchronized void sendNext() {
            if (!running.get()) {
                inFlight = null;
                return;
            }
            inFlight = "load-" + client + "-" + sequence++;
            sentNanos = System.nanoTime();
            socket.send(Json.write(Map.of("action", "sendMessage", "roomId", roomId,
                    "clientMsgId", inFlight, "body", BODY)));
        }
    }

    public Results.Throughput run() {
        senders = new Sender[clients];
        received = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            senders[i] = new Sender(i, i % rooms);
            received.add(ConcurrentHashMap.newKeySet());
        }
        try (Crowd crowd = new Crowd(stack, this::frame)) {
            crowd.grow(clients);
            for (int r = 0; r < rooms; r++) {
                int room = r;
                List<Integer> members = new ArrayList<>();
                for (int i = room; i < clients; i += rooms) {
                    members.add(i);
                }
                String roomId = crowd.room("load " + r, room, members);
                members.forEach(i -> senders[i].roomId = roomId);
            }
            for (Sender sender : senders) {
                sender.socket = crowd.socket(sender.client);
            }
            LOG.info("load: {} clients in {} rooms, sending for {}", clients, rooms, duration);

            running.set(true);
            long start = System.nanoTime();
            for (Sender sender : senders) {
                sender.sendNext();
            }
            long end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                resendUnanswered();
            }
            running.set(false);
            drain();
            stack.close();
        }

        long lost = countLost();
        double seconds = duration.toMillis() / 1000.0;
        Percentiles ack = Percentiles.of(ackMs);
        LOG.info("load: {} acked, {} errors, {} lost, {} duplicated", ackedInWindow.get(),
                errors.get(), lost, duplicated.get());
        return new Results.Throughput(clients, rooms, seconds, ackedInWindow.get(),
                Percentiles.round(ackedInWindow.get() / seconds), Percentiles.round(ack.p99()),
                lost, duplicated.get());
    }

    private void frame(int client, String text, long nanos) {
        if (text.startsWith("{\"type\":\"message\"")) {
            String id = ChatSocket.field(text, "id", text.indexOf("\"message\":{"));
            if (id != null && !received.get(client).add(id)) {
                duplicated.incrementAndGet();
            }
        } else if (text.startsWith("{\"type\":\"ack\"")) {
            Sender sender = senders[client];
            String clientMsgId = ChatSocket.field(text, "clientMsgId", 0);
            if (clientMsgId != null && clientMsgId.equals(sender.inFlight)) {
                ackMs.add((nanos - sender.sentNanos) / 1e6);
                ackedRoomOf.put(ChatSocket.field(text, "messageId", 0), sender.room);
                if (running.get()) {
                    ackedInWindow.incrementAndGet();
                }
                sender.sendNext();
            }
        } else if (text.startsWith("{\"type\":\"error\"")) {
            errors.incrementAndGet();
            LOG.debug("load: client {} got {}", client, text);
            senders[client].sendNext();
        }
    }

    /** A message that got no answer at all is given up on, so its sender goes on. */
    private void resendUnanswered() {
        long now = System.nanoTime();
        for (Sender sender : senders) {
            if (sender.inFlight != null && now - sender.sentNanos > UNANSWERED_NANOS) {
                errors.incrementAndGet();
                sender.sendNext();
            }
        }
    }

    /** Waits for the last acks and the deliveries behind them. */
    private void drain() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            boolean waiting = false;
            for (Sender sender : senders) {
                waiting |= sender.inFlight != null
                        && System.nanoTime() - sender.sentNanos < UNANSWERED_NANOS;
            }
            if (!waiting) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
    }

    /** Acked messages that at least one subscriber of their room never received. */
    private long countLost() {
        long lost = 0;
        for (Map.Entry<String, Integer> acked : ackedRoomOf.entrySet()) {
            for (Sender member : senders) {
                if (member.room == acked.getValue()
                        && !received.get(member.client).contains(acked.getKey())) {
                    lost++;
                    break;
                }
            }
        }
        return lost;
    }
}
