package dev.polychat.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.polychat.local.FunctionSpec;
import dev.polychat.local.lambda.LocalFunction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PresenceScheduleTest {

    @Test
    void theSweepGetsEventBridgesScheduledEventAndAFailedRunDoesNotStopIt() {
        List<ScheduledEvent> received = new CopyOnWriteArrayList<>();
        var spec = FunctionSpec.scheduled("sweep", () -> (event, context) -> {
            received.add(event);
            if (received.size() == 1) {
                throw new IllegalStateException("the first run fails on purpose");
            }
            return null;
        });

        try (LocalFunction<?, ?> sweep = new LocalFunction<>(spec, 1, Duration.ofSeconds(5));
                PresenceSchedule ignored = new PresenceSchedule(sweep, Duration.ofMillis(100))) {
            await().until(() -> received.size() >= 3);
        }

        ScheduledEvent event = received.get(0);
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getResources()).containsExactly(PresenceSchedule.RULE_ARN);
        assertThat(event.getTime()).isNotNull();
        assertThat(event.getRegion()).isEqualTo("us-east-1");
    }
}
