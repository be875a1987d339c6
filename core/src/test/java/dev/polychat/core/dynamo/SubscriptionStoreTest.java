package dev.polychat.core.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class SubscriptionStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant LATER = T0.plus(Duration.ofHours(2));

    private static DynaliteTables tables;
    private static SubscriptionStore store;

    @BeforeAll
    static void createTables() {
        tables = DynaliteTables.forClass(SubscriptionStoreTest.class);
        store = new SubscriptionStore(tables.client, tables.name(Tables.SUBSCRIPTIONS));
    }

    @AfterAll
    static void closeClient() {
        tables.close();
    }

    @Test
    void aRoomOf2500SubscribersIsReadInThreeQueriesOfAtMost1000() {
        String room = id("room");
        List<String> everyone = IntStream.range(0, 2500).mapToObj(i -> id("c")).toList();
        subscribeInBulk(room, everyone, LATER);

        tables.counter.reset();
        List<Integer> pageSizes = new ArrayList<>();
        List<String> received = new ArrayList<>();
        store.forEachPage(room, 1000, T0, page -> {
            pageSizes.add(page.size());
            page.forEach(subscriber -> received.add(subscriber.connectionId()));
        });

        assertThat(pageSizes).containsExactly(1000, 1000, 500);
        assertThat(received).containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(tables.counter.count("Query")).isEqualTo(3);
        assertThat(tables.counter.total()).isEqualTo(3);
    }

    @Test
    void aRoomThatFillsItsLastPageExactlyCostsAtMostOneQueryMore() {
        String room = id("room");
        subscribeInBulk(room, IntStream.range(0, 2000).mapToObj(i -> id("c")).toList(), LATER);

        tables.counter.reset();
        List<Integer> pageSizes = new ArrayList<>();
        store.forEachPage(room, 1000, T0, page -> pageSizes.add(page.size()));

        assertThat(pageSizes).containsExactly(1000, 1000);
        assertThat(tables.counter.count("Query")).isBetween(2L, 3L);
        System.out.printf("fan-out queries for 2000 subscribers by 1000: %d%n",
                tables.counter.count("Query"));
    }

    @Test
    void fanOutSkipsExpiredSubscriptionsButStillCostsOneQueryPerPage() {
        String room = id("room");
        List<String> live = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> live.add(subscribeNewConnection(room, LATER)));
        IntStream.range(0, 5).forEach(i -> subscribeNewConnection(room, T0.plusSeconds(60)));

        tables.counter.reset();
        List<Subscriber> received = new ArrayList<>();
        store.forEachPage(room, 3, T0.plusSeconds(60), received::addAll);

        assertThat(received).extracting(Subscriber::connectionId)
                .containsExactlyInAnyOrderElementsOf(live);
        assertThat(tables.counter.count("Query")).isEqualTo(4);
    }

    @Test
    void anEmptyRoomCostsOneQueryAndHandsOnNoPage() {
        tables.counter.reset();
        List<List<Subscriber>> pages = new ArrayList<>();

        store.forEachPage(id("room"), 1000, T0, pages::add);

        assertThat(pages).isEmpty();
        assertThat(tables.counter.count("Query")).isEqualTo(1);
    }

    @Test
    void subscribersCarryTheirUser() {
        String room = id("room");
        String connection = id("c");
        store.subscribe(room, connection, "user-7", LATER);

        List<Subscriber> received = new ArrayList<>();
        store.forEachPage(room, 10, T0, received::addAll);

        assertThat(received).containsExactly(new Subscriber(connection, "user-7"));
    }

    @Test
    void subscribingToSixtyRoomsTakesThreeBatchesAndRepeatsAreWrittenOnce() {
        String connection = id("c");
        List<String> rooms = IntStream.range(0, 60).mapToObj(i -> id("room" + i)).toList();
        List<String> withRepeats = new ArrayList<>(rooms);
        withRepeats.addAll(rooms.subList(0, 5));

        tables.counter.reset();
        store.subscribeAll(withRepeats, connection, id("u"), LATER);

        assertThat(tables.counter.count("BatchWriteItem")).isEqualTo(3);
        assertThat(store.roomsOf(connection, T0)).containsExactlyInAnyOrderElementsOf(rooms);
    }

    @Test
    void roomsOfLeavesOutExpiredSubscriptions() {
        String connection = id("c");
        store.subscribe("stays-" + connection, connection, "u", LATER);
        store.subscribe("lapses-" + connection, connection, "u", T0.plusSeconds(10));

        assertThat(store.roomsOf(connection, T0.plusSeconds(10)))
                .containsExactly("stays-" + connection);
    }

    @Test
    void anUnsubscribedConnectionNoLongerReceivesTheRoom() {
        String room = id("room");
        String leaving = subscribeNewConnection(room, LATER);
        String staying = subscribeNewConnection(room, LATER);

        store.unsubscribe(room, leaving);

        List<Subscriber> received = new ArrayList<>();
        store.forEachPage(room, 10, T0, received::addAll);
        assertThat(received).extracting(Subscriber::connectionId).containsExactly(staying);
    }

    @Test
    void removingAConnectionRemovesEverySubscriptionOfItAndNoOtherOne() {
        String connection = id("c");
        String neighbour = id("c");
        List<String> rooms = IntStream.range(0, 40).mapToObj(i -> id("room" + i)).toList();
        store.subscribeAll(rooms, connection, id("u"), LATER);
        store.subscribeAll(rooms, neighbour, id("u"), LATER);

        store.removeConnection(connection, T0);

        assertThat(store.roomsOf(connection, T0)).isEmpty();
        assertThat(store.roomsOf(neighbour, T0)).hasSize(40);
        List<Subscriber> inFirstRoom = new ArrayList<>();
        store.forEachPage(rooms.getFirst(), 10, T0, inFirstRoom::addAll);
        assertThat(inFirstRoom).extracting(Subscriber::connectionId).containsExactly(neighbour);
    }

    @Test
    void fanOutNeverScans() {
        String room = id("room");
        subscribeNewConnection(room, LATER);
        tables.counter.reset();

        store.forEachPage(room, 100, T0, page -> { });
        store.roomsOf(id("c"), T0);

        assertThat(tables.counter.scans()).isZero();
    }

    @Test
    void aPageSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> store.forEachPage("room", 0, T0, page -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pageSize");
    }

    /** Setup only: one batch per 25 connections instead of a put per subscribe. */
    private static void subscribeInBulk(String room, List<String> connections, Instant expiresAt) {
        new Batches(tables.client, tables.name(Tables.SUBSCRIPTIONS)).writeAll(connections.stream()
                .map(connection -> WriteRequest.builder().putRequest(p -> p.item(Map.of(
                        "roomId", AttributeValue.fromS(room),
                        "connectionId", AttributeValue.fromS(connection),
                        "userId", AttributeValue.fromS("u-" + connection),
                        Tables.EXPIRES_AT, AttributeValue.fromN(
                                Long.toString(expiresAt.getEpochSecond()))))).build())
                .toList());
    }

    private static String subscribeNewConnection(String room, Instant expiresAt) {
        String connection = id("c");
        store.subscribe(room, connection, id("u"), expiresAt);
        return connection;
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
