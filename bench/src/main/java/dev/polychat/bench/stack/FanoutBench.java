package dev.polychat.bench.stack;

import dev.polychat.bench.report.Percentiles;
import dev.polychat.bench.report.Results;
import dev.polychat.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-out: one room of N connected clients, one of them sending at a steady rate; for each
 * message the time from the send until the last of the N has it. In the same run, the floor:
 * the same frames written by the server straight to the same N sockets. Rooms grow from the
 * smallest N, so the sockets open are always exactly the room's.
 */
public final class FanoutBench {
    private static final Logger LOG = LoggerFactory.getLogger(FanoutBench.class);
    private static final long DELIVERY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final String BODY = "Fan-out probe: a chat line of ordinary length, the kind"
            + " people type all day, long enough that the frame weighs what a real one does.";
    private static final String MESSAGE_EVENT = "{\"type\":\"message\"";

    private final BenchStack stack;
    private final List<Integer> recipients;
    private final int messages;
    private final int perSecond;
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();

    public FanoutBench(BenchStack stack, List<Integer> recipients, int messages, int perSecond) {
        this.stack = stack;
        this.recipients = recipients;
        this.messages = messages;
        this.perSecond = perSecond;
    }

    /** One message on its way to N clients. */
    private static final class Delivery {
        final long sentNanos;
        final AtomicInteger arrivals = new AtomicInteger();
        final AtomicLong lastNanos = new AtomicLong();

        Delivery(long sentNanos) {
            this.sentNanos = sentNanos;
        }
    }

    public List<Results.Fanout> run() {
        List<Results.Fanout> rows = new ArrayList<>();
        try (Crowd crowd = new Crowd(stack, this::arrived)) {
            boolean first = true;
            for (int n : recipients) {
                crowd.grow(n);
                String roomId = crowd.room("fan-out to " + n, n);
                LOG.info("fan-out: {} clients connected and in the room", crowd.size());

                // A fresh stack compiles its hot paths during the first few hundred messages.
                int warmUp = first ? messages * 2 : messages / 5;
                first = false;
                timed(n, warmUp, perSecond * 2, i -> send(crowd, roomId, i));
                double cpuBefore = stack.cpuMillis();
                Percentiles real = timed(n, messages, perSecond, i -> send(crowd, roomId, i));
                double cpu = (stack.cpuMillis() - cpuBefore) / messages;
                Percentiles floor = timed(n, messages, perSecond, i -> floor(crowd, roomId, i));

                rows.add(new Results.Fanout(n, messages, Percentiles.round(real.p50()),
                        Percentiles.round(real.p99()), Percentiles.round(floor.p50()),
                        Percentiles.round(floor.p99()), cpu < 0 ? -1 : Percentiles.round(cpu)));
                LOG.info("fan-out to {}: {}", n, rows.getLast());
            }
            stack.close();
        }
        return rows;
    }

    private void arrived(int client, String text, long nanos) {
        if (!text.startsWith(MESSAGE_EVENT)) {
            return;
        }
        Delivery delivery = deliveries.get(ChatSocket.field(text, "clientMsgId", 0));
        if (delivery != null) {
            delivery.lastNanos.accumulateAndGet(nanos, Math::max);
            delivery.arrivals.incrementAndGet();
        }
    }

    private interface Sender {
        void send(String clientMsgId);
    }

    /** Sends {@code count} probes at a steady rate; the times until all N had each. */
    private Percentiles timed(int n, int count, int rate, Sender sender) {
        deliveries.clear();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            String id = run + "-" + i;
            deliveries.put(id, new Delivery(System.nanoTime()));
            sender.send(id);
            next += interval;
        }

        long deadline = System.nanoTime() + DELIVERY_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline && deliveries.values().stream()
                .anyMatch(d -> d.arrivals.get() < n)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        List<Double> ms = new ArrayList<>();
        for (Delivery d : deliveries.values()) {
            boolean all = d.arrivals.get() >= n;
            ms.add(all ? (d.lastNanos.get() - d.sentNanos) / 1e6 : DELIVERY_TIMEOUT_NANOS / 1e6);
        }
        long missed = deliveries.values().stream().filter(d -> d.arrivals.get() < n).count();
        if (missed > 0) {
            LOG.warn("fan-out to {}: {} of {} messages did not reach every client; counted at"
                    + " the {} s timeout", n, missed, count, DELIVERY_TIMEOUT_NANOS / 1e9);
        }
        return Percentiles.of(ms);
    }

    private static void send(Crowd crowd, String roomId, String clientMsgId) {
        crowd.socket(0).send(Json.write(Map.of("action", "sendMessage", "roomId", roomId,
                "clientMsgId", clientMsgId, "body", BODY)));
    }

    /** The message event the handler would post, written by the server's floor hook. */
    private static void floor(Crowd crowd, String roomId, String clientMsgId) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", UUID.randomUUID().toString());
        message.put("roomId", roomId);
        message.put("seq", 1_000_000);
        message.put("senderId", crowd.user(0).id());
        message.put("senderName", crowd.user(0).username());
        message.put("body", BODY);
        message.put("clientMsgId", clientMsgId);
        message.put("createdAt", Instant.now().toString());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "message");
        event.put("message", message);
        crowd.rest().floor(Json.write(event));
    }
}
