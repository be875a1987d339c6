package dev.polychat.bench;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one run measures and how much: the full run for the figures, {@code --smoke} for a
 * few seconds of each part that proves the bench still works.
 *
 * @param mode "full" or "smoke"
 * @param parts the parts to run (all unless {@code --only} names some)
 * @param stackUrl a running local stack to use instead of starting one, or null
 */
public record BenchOptions(
        String mode,
        Set<String> parts,
        String stackUrl,
        List<Integer> fanoutRecipients,
        int fanoutMessages,
        int fanoutPerSecond,
        int workRecipients,
        int workMessages,
        int coldStartRuns,
        long historyMessages,
        int historySamples,
        int loadClients,
        int loadRooms,
        Duration loadDuration,
        int presenceUsers,
        Duration presenceSimulated) {

    public static final List<String> ALL_PARTS =
            List.of("fanout", "work", "coldstart", "history", "throughput", "presence");

    public static BenchOptions parse(String[] args) {
        boolean smoke = false;
        Set<String> parts = new LinkedHashSet<>(ALL_PARTS);
        String stackUrl = null;
        List<Integer> recipients = null;
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                smoke = true;
            } else if (arg.startsWith("--only=")) {
                parts = new LinkedHashSet<>(List.of(arg.substring(7).split(",")));
                if (!ALL_PARTS.containsAll(parts)) {
                    throw new IllegalArgumentException("--only takes some of " + ALL_PARTS);
                }
            } else if (arg.startsWith("--recipients=")) {
                recipients = Stream.of(arg.substring(13).split(",")).map(Integer::valueOf)
                        .filter(n -> n >= 1 && n <= 1000).toList();
            } else if (arg.startsWith("--stack=")) {
                stackUrl = loopbackOnly(arg.substring(8));
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg
                        + "'; expected --smoke, --only=part,..., --recipients=10,100 (at most"
                        + " 1000 each) or --stack=http://127.0.0.1:PORT");
            }
        }
        BenchOptions options = smoke ? smoke(parts, stackUrl) : full(parts, stackUrl);
        return recipients == null || recipients.isEmpty() ? options
                : options.withRecipients(recipients);
    }

    static BenchOptions full(Set<String> parts, String stackUrl) {
        return new BenchOptions("full", parts, stackUrl, List.of(10, 100, 1000), 200, 10,
                1000, 20, 10, 1_000_000, 1000, 100, 10, Duration.ofSeconds(60), 10,
                Duration.ofHours(1));
    }

    static BenchOptions smoke(Set<String> parts, String stackUrl) {
        return new BenchOptions("smoke", parts, stackUrl, List.of(5), 10, 20, 5, 3, 1, 2_000,
                50, 4, 2, Duration.ofSeconds(3), 2, Duration.ofMinutes(10));
    }

    /** The bench drives load: it aims at this machine's loopback and nowhere else. */
    private static String loopbackOnly(String url) {
        java.net.URI uri = java.net.URI.create(url);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            throw new IllegalArgumentException("--stack must be on 127.0.0.1, got " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    BenchOptions withRecipients(List<Integer> recipients) {
        return new BenchOptions(mode, parts, stackUrl, recipients, fanoutMessages,
                fanoutPerSecond, workRecipients, workMessages, coldStartRuns, historyMessages,
                historySamples, loadClients, loadRooms, loadDuration, presenceUsers,
                presenceSimulated);
    }

    public boolean runs(String part) {
        return parts.contains(part);
    }
}
