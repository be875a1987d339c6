package dev.polychat.core.dynamo;

import static dev.polychat.core.domain.PresenceStatus.AWAY;
import static dev.polychat.core.domain.PresenceStatus.OFFLINE;
import static dev.polychat.core.domain.PresenceStatus.ONLINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PresenceStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static DynaliteTables tables;
    private static PresenceStore store;

    @BeforeAll
    static void createTables() {
        tables = DynaliteTables.forClass(PresenceStoreTest.class);
        store = new PresenceStore(tables.client, tables.name(Tables.PRESENCE));
    }

    @AfterAll
    static void closeClient() {
        tables.close();
    }

    @Test
    void anHourOfBeatsEveryThirtySecondsCostsAtMostSixtyWrites() {
        String user = id("u");

        int writes = 0;
        for (int second = 0; second < 3600; second += 30) {
            if (store.beat(user, ONLINE, T0.plusSeconds(second)).written()) {
                writes++;
            }
        }

        assertThat(writes).isLessThanOrEqualTo(60);
        assertThat(store.get(user).orElseThrow().effectiveStatus(T0.plusSeconds(3600)))
                .isEqualTo(ONLINE);
        System.out.printf("presence writes for 120 beats over one hour: %d%n", writes);
    }

    @Test
    void theFirstBeatIsAChangeFromOfflineToOnline() {
        String user = id("u");

        HeartbeatResult first = store.beat(user, ONLINE, T0);
        HeartbeatResult second = store.beat(user, ONLINE, T0.plusSeconds(30));

        assertThat(first).isEqualTo(new HeartbeatResult(OFFLINE, ONLINE, true));
        assertThat(first.changed()).isTrue();
        assertThat(second).isEqualTo(new HeartbeatResult(ONLINE, ONLINE, false));
        assertThat(second.changed()).isFalse();
    }

    @Test
    void goingAwayAndComingBackAreChangesWrittenAtOnce() {
        String user = id("u");
        store.beat(user, ONLINE, T0);

        HeartbeatResult away = store.beat(user, AWAY, T0.plusSeconds(10));
        HeartbeatResult back = store.beat(user, ONLINE, T0.plusSeconds(20));

        assertThat(away).isEqualTo(new HeartbeatResult(ONLINE, AWAY, true));
        assertThat(back).isEqualTo(new HeartbeatResult(AWAY, ONLINE, true));
    }

    @Test
    void aUserSilentPastTheExpiryReadsAsOfflineAndTheirNextBeatIsAChange() {
        String user = id("u");
        store.beat(user, ONLINE, T0);
        Instant expiry = T0.plus(PresenceStore.ONLINE_FOR);

        PresenceRecord stored = store.get(user).orElseThrow();

        assertThat(stored.status()).isEqualTo(ONLINE);
        assertThat(stored.effectiveStatus(expiry.minusSeconds(1))).isEqualTo(ONLINE);
        assertThat(stored.effectiveStatus(expiry)).isEqualTo(OFFLINE);
        assertThat(store.beat(user, ONLINE, expiry.plusSeconds(5)))
                .isEqualTo(new HeartbeatResult(OFFLINE, ONLINE, true));
    }

    @Test
    void aWrittenBeatRecordsWhenTheUserWasSeenAndUntilWhenTheyCount() {
        String user = id("u");

        store.beat(user, AWAY, T0);

        assertThat(store.get(user)).contains(new PresenceRecord(user, AWAY, T0,
                T0.plus(PresenceStore.ONLINE_FOR)));
    }

    @Test
    void getAllReadsManyUsersInBatchesOfAHundredAndLeavesOutUnknownOnes() {
        List<String> users = IntStream.range(0, 150).mapToObj(i -> id("u")).toList();
        users.forEach(user -> store.beat(user, ONLINE, T0));
        List<String> asked = new ArrayList<>(users);
        asked.add(id("never-seen"));
        asked.add(users.getFirst());

        tables.counter.reset();
        Map<String, PresenceRecord> found = store.getAll(asked);

        assertThat(found).containsOnlyKeys(users);
        assertThat(found.get(users.get(7)).status()).isEqualTo(ONLINE);
        assertThat(tables.counter.count("BatchGetItem")).isEqualTo(2);
    }

    @Test
    void twoCallersRacingToMarkAUserOfflineAnnounceItExactlyOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            String user = id("u");
            store.beat(user, ONLINE, T0);
            CountDownLatch start = new CountDownLatch(1);
            Callable<Boolean> markOffline = () -> {
                start.await();
                return store.markOffline(user, null, T0.plusSeconds(5), null);
            };

            List<Boolean> outcomes = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<Boolean> first = pool.submit(markOffline);
                Future<Boolean> second = pool.submit(markOffline);
                start.countDown();
                outcomes.add(first.get());
                outcomes.add(second.get());
            }

            assertThat(outcomes).containsExactlyInAnyOrder(true, false);
            assertThat(store.get(user).orElseThrow().status()).isEqualTo(OFFLINE);
        }
    }

    @Test
    void twoDevicesComingOnlineTogetherAnnounceItExactlyOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            String user = id("u");
            CountDownLatch start = new CountDownLatch(1);
            Callable<HeartbeatResult> beat = () -> {
                start.await();
                return store.beat(user, ONLINE, T0);
            };

            List<HeartbeatResult> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<HeartbeatResult> phone = pool.submit(beat);
                Future<HeartbeatResult> laptop = pool.submit(beat);
                start.countDown();
                results.add(phone.get());
                results.add(laptop.get());
            }

            assertThat(results).filteredOn(HeartbeatResult::changed).hasSize(1);
            assertThat(results).filteredOn(HeartbeatResult::written).hasSize(1);
        }
    }

    @Test
    void aBeatAfterTheUserWasMarkedOfflineIsAnnouncedAsComingBack() {
        String user = id("u");
        store.beat(user, ONLINE, T0);
        store.markOffline(user, null, T0.plusSeconds(5), null);

        HeartbeatResult result = store.beat(user, ONLINE, T0.plusSeconds(10));

        assertThat(result).isEqualTo(new HeartbeatResult(OFFLINE, ONLINE, true));
    }

    @Test
    void markingOfflineRecordsLastSeenAndKeepsTheItemForAMonth() {
        String user = id("u");
        store.beat(user, ONLINE, T0);
        Instant lastSeen = T0.plusSeconds(40);
        Instant now = T0.plusSeconds(200);

        boolean changed = store.markOffline(user, lastSeen, now, null);

        assertThat(changed).isTrue();
        assertThat(store.get(user)).contains(new PresenceRecord(user, OFFLINE, lastSeen,
                now.plus(Duration.ofDays(30))));
        assertThat(store.markOffline(user, null, now, null)).isFalse();
    }

    @Test
    void aUserWhoWasNeverSeenIsNotMarkedOffline() {
        String user = id("u");

        assertThat(store.markOffline(user, null, T0, null)).isFalse();
        assertThat(store.get(user)).isEmpty();
    }

    @Test
    void theSweepLosesToAHeartbeatThatArrivedAfterItRead() {
        String user = id("u");
        store.beat(user, ONLINE, T0);
        Instant staleExpiry = store.get(user).orElseThrow().expiresAt();
        store.beat(user, AWAY, T0.plusSeconds(100));

        boolean changed = store.markOffline(user, null, T0.plusSeconds(130), staleExpiry);

        assertThat(changed).isFalse();
        assertThat(store.get(user).orElseThrow().effectiveStatus(T0.plusSeconds(130)))
                .isEqualTo(AWAY);
    }

    @Test
    void theSweepFindsOnlyUsersWhosePresenceExpiredAndOnlyUntilTheyAreMarkedOffline() {
        Instant base = T0.plus(Duration.ofDays(400));
        List<String> silent = IntStream.range(0, 20).mapToObj(i -> id("silent")).toList();
        List<String> active = IntStream.range(0, 20).mapToObj(i -> id("active")).toList();
        silent.forEach(user -> store.beat(user, ONLINE, base));
        active.forEach(user -> store.beat(user, AWAY, base.plusSeconds(60)));
        Instant now = base.plus(PresenceStore.ONLINE_FOR).plusSeconds(30);

        List<PresenceRecord> expired = store.expired(now, 1000);

        assertThat(expired).extracting(PresenceRecord::userId).containsAll(silent)
                .doesNotContainAnyElementsOf(active);
        assertThat(expired).allSatisfy(record ->
                assertThat(record.effectiveStatus(now)).isEqualTo(OFFLINE));

        for (PresenceRecord record : expired) {
            store.markOffline(record.userId(), record.lastSeenAt(), now, record.expiresAt());
        }
        assertThat(store.expired(now, 1000)).extracting(PresenceRecord::userId)
                .doesNotContainAnyElementsOf(silent);
        assertThat(tables.counter.scans()).isZero();
    }

    @Test
    void theSweepStopsAtItsLimit() {
        Instant base = T0.plus(Duration.ofDays(800));
        IntStream.range(0, 30).forEach(i -> store.beat(id("silent"), ONLINE, base));

        assertThat(store.expired(base.plus(Duration.ofHours(1)), 7)).hasSize(7);
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
