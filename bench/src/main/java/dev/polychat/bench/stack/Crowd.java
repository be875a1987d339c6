package dev.polychat.bench.stack;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Many clients of one stack: each a registered user with one open WebSocket that beats every
 * 30 s, as the web app does, so no one is swept offline mid-run. Frames they receive go to one
 * listener with the client's index.
 */
final class Crowd implements AutoCloseable {
    private static final Duration BEAT = Duration.ofSeconds(30);
    private static final int PARALLEL_SETUP = 8;

    /** Where every client's frames go. */
    @FunctionalInterface
    interface Frames {
        void frame(int client, String text, long arrivedNanos);
    }

    private final BenchStack stack;
    private final Rest rest;
    private final Frames frames;
    private final String prefix = "b" + UUID.randomUUID().toString().substring(0, 6);
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon()
                    .name("bench-ws-", 0).factory()))
            .build();
    private final ExecutorService setup = Executors.newFixedThreadPool(PARALLEL_SETUP);
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();
    private final List<Rest.User> users = new ArrayList<>();
    private final List<ChatSocket> sockets = new ArrayList<>();

    Crowd(BenchStack stack, Frames frames) {
        this.stack = stack;
        this.rest = new Rest(stack.baseUrl());
        this.frames = frames;
        long period = BEAT.toMillis();
        beats.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    Rest rest() {
        return rest;
    }

    /** Registers and connects clients until there are {@code size}. */
    synchronized void grow(int size) {
        int from = users.size();
        List<Rest.User> added = inParallel(from, size, i -> rest.register(prefix + "-" + i));
        users.addAll(added);
        List<CompletableFuture<ChatSocket>> connecting = new ArrayList<>();
        for (int i = from; i < size; i++) {
            int client = i;
            connecting.add(ChatSocket.connect(http, stack.webSocketUrl(), users.get(i).token(),
                    (text, nanos) -> frames.frame(client, text, nanos)));
            if (connecting.size() % 50 == 0) {
                CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).join();
            }
        }
        connecting.forEach(c -> sockets.add(c.join()));
    }

    /** A room owned by the first client with the first {@code members} clients in it. */
    String room(String name, int members) {
        String roomId = rest.createRoom(users.get(0), name);
        inParallel(1, members, i -> {
            rest.join(users.get(i), roomId);
            return i;
        });
        return roomId;
    }

    /** A room owned by client {@code owner} joined by the given clients. */
    String room(String name, int owner, List<Integer> members) {
        String roomId = rest.createRoom(users.get(owner), name);
        inParallel(0, members.size(), i -> {
            if (members.get(i) != owner) {
                rest.join(users.get(members.get(i)), roomId);
            }
            return i;
        });
        return roomId;
    }

    ChatSocket socket(int client) {
        return sockets.get(client);
    }

    Rest.User user(int client) {
        return users.get(client);
    }

    synchronized int size() {
        return sockets.size();
    }

    private void beat() {
        List<ChatSocket> now;
        synchronized (this) {
            now = List.copyOf(sockets);
        }
        now.forEach(s -> s.send("{\"action\":\"heartbeat\"}"));
    }

    private interface Step<T> {
        T run(int i);
    }

    private <T> List<T> inParallel(int from, int to, Step<T> step) {
        List<CompletableFuture<T>> futures = IntStream.range(from, to)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> step.run(i), setup))
                .toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() {
        beats.shutdownNow();
        sockets.forEach(ChatSocket::close);
        setup.shutdownNow();
        http.close();
    }
}
