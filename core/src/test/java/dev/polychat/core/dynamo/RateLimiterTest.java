package dev.polychat.core.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private static DynaliteTables tables;
    private static RateLimiter limiter;

    @BeforeAll
    static void createTables() {
        tables = DynaliteTables.forClass(RateLimiterTest.class);
        limiter = new RateLimiter(tables.client, tables.name(Tables.RATE_LIMITS), 30, WINDOW);
    }

    @AfterAll
    static void closeClient() {
        tables.close();
    }

    @Test
    void thirtyFramesInTenSecondsPassAndTheThirtyFirstIsRefused() {
        String connection = id();

        List<Boolean> outcomes = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            outcomes.add(limiter.tryAcquire(connection, T0.plusMillis(300L * i)));
        }

        assertThat(outcomes.subList(0, 30)).containsOnly(true);
        assertThat(outcomes.get(30)).isFalse();
    }

    @Test
    void eachFrameCostsExactlyOneUpdateAndNothingElse() {
        String connection = id();
        tables.counter.reset();

        for (int i = 0; i < 40; i++) {
            limiter.tryAcquire(connection, T0.plusMillis(100L * i));
        }

        assertThat(tables.counter.count("UpdateItem")).isEqualTo(40);
        assertThat(tables.counter.total()).isEqualTo(40);
    }

    @Test
    void aLimitedConnectionMaySendAgainOnceTheWindowHasPassed() {
        String connection = id();
        for (int i = 0; i < 31; i++) {
            limiter.tryAcquire(connection, T0);
        }
        assertThat(limiter.tryAcquire(connection, T0.plusSeconds(9))).isFalse();

        boolean afterWindow = limiter.tryAcquire(connection, T0.plusSeconds(10));

        assertThat(afterWindow).isTrue();
    }

    @Test
    void refusedFramesCountSoAClientThatKeepsSendingStaysLimited() {
        String connection = id();
        for (int i = 0; i < 30; i++) {
            limiter.tryAcquire(connection, T0);
        }
        for (int second = 1; second < 10; second++) {
            for (int i = 0; i < 5; i++) {
                limiter.tryAcquire(connection, T0.plusSeconds(second));
            }
        }

        // The 30 frames of T0 have left the window, but the 45 refused ones since have not.
        assertThat(limiter.tryAcquire(connection, T0.plusSeconds(10))).isFalse();
    }

    @Test
    void aSteadySenderJustUnderTheLimitIsNeverRefused() {
        String connection = id();

        List<Boolean> outcomes = new ArrayList<>();
        for (int second = 0; second < 60; second++) {
            for (int i = 0; i < 3; i++) {
                outcomes.add(limiter.tryAcquire(connection, T0.plusSeconds(second)));
            }
        }

        assertThat(outcomes).containsOnly(true);
    }

    @Test
    void connectionsAreLimitedSeparately() {
        String busy = id();
        String quiet = id();
        for (int i = 0; i < 40; i++) {
            limiter.tryAcquire(busy, T0);
        }

        assertThat(limiter.tryAcquire(quiet, T0)).isTrue();
    }

    @Test
    void windowsThatAreNotWholeSecondsAreRefused() {
        assertThatThrownBy(() -> new RateLimiter(tables.client, "t", 30, Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
    }

    private static String id() {
        return "c-" + UUID.randomUUID();
    }
}
