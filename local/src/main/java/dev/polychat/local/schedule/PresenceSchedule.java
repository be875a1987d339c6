package dev.polychat.local.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polychat.core.json.Json;
import dev.polychat.local.lambda.InvocationFailed;
import dev.polychat.local.lambda.LocalAws;
import dev.polychat.local.lambda.LocalFunction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge's schedule rule for the presence sweep: every interval the sweep function gets a
 * Scheduled Event. A failed run is logged and the schedule goes on, as a rule keeps firing.
 */
public final class PresenceSchedule implements AutoCloseable {
    static final String RULE_ARN = "arn:aws:events:" + LocalAws.REGION + ":"
            + LocalAws.ACCOUNT_ID + ":rule/polychat-presence-sweep";

    private static final Logger LOG = LoggerFactory.getLogger(PresenceSchedule.class);

    private final LocalFunction<?, ?> sweep;
    private final ScheduledExecutorService timer;

    public PresenceSchedule(LocalFunction<?, ?> sweep, Duration interval) {
        this.sweep = sweep;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "presence-schedule");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::fire, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void fire() {
        try {
            sweep.invoke(scheduledEvent(Instant.now()));
        } catch (InvocationFailed e) {
            LOG.error("scheduled presence sweep failed", e);
        } catch (RuntimeException e) {
            LOG.error("scheduled presence sweep could not run", e);
        }
    }

    /** The event as EventBridge sends it for a schedule rule. */
    static ObjectNode scheduledEvent(Instant now) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", LocalAws.ACCOUNT_ID);
        event.put("time", now.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", LocalAws.REGION);
        event.putArray("resources").add(RULE_ARN);
        event.putObject("detail");
        return event;
    }

    /** Stops firing and waits briefly for a run in progress. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
