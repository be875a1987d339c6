package dev.polychat.bench.report;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polychat.core.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the results as a table beside the targets and writes the same figures as JSON. */
public final class Report {
    private static final double MB = 1024.0 * 1024.0;

    private Report() {
    }

    public static void writeJson(Results results, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.mapper().writer()
                    .with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(results) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    public static void print(Results results, PrintStream out) {
        Results.Run run = results.run();
        out.printf("%nPolyChat bench (%s run, %d cores, Java %s, %.0f s)%n", run.mode(),
                run.cores(), run.java(), run.seconds());
        if (!results.fanout().isEmpty()) {
            fanout(results, out);
        }
        if (results.perMessage() != null) {
            perMessage(results.perMessage(), out);
        }
        if (!results.coldStart().isEmpty()) {
            coldStart(results, out);
        }
        if (results.history() != null) {
            history(results.history(), out);
        }
        if (results.throughput() != null) {
            throughput(results.throughput(), out);
        }
        if (results.presence() != null) {
            presence(results.presence(), out);
        }
        out.println();
    }

    private static void fanout(Results results, PrintStream out) {
        out.printf("%nFan-out: send -> last of N has it (target N=1000: p99 <= 150 ms,"
                + " <= 7x floor)%n");
        out.printf("  %6s %8s %8s %10s %10s %8s %11s %s%n", "N", "p50 ms", "p99 ms",
                "floor p50", "floor p99", "x floor", "CPU ms/msg", "");
        for (Results.Fanout row : results.fanout()) {
            double ratio = row.p99Ms() / row.floorP99Ms();
            String verdict = row.recipients() < 1000 ? ""
                    : Targets.verdict(row.p99Ms() <= 150 && ratio <= 7);
            out.printf(Locale.ROOT, "  %6d %8.1f %8.1f %10.1f %10.1f %8.1f %11.2f %s%n",
                    row.recipients(), row.p50Ms(), row.p99Ms(), row.floorP50Ms(),
                    row.floorP99Ms(), ratio, row.cpuMsPerMessage(), verdict);
        }
    }

    private static void perMessage(Results.PerMessage work, PrintStream out) {
        int n = work.recipients();
        long dynamoBudget = 1 + (n + 999) / 1000 + 1;
        out.printf("%nWork per message into a room of %d (average of %d messages)%n", n,
                work.messages());
        out.printf(Locale.ROOT, "  PostgreSQL round trips %8.2f   target 1      %s%n",
                work.pgRoundTrips(), Targets.verdict(work.pgRoundTrips() <= 1.0));
        out.printf(Locale.ROOT, "  DynamoDB requests      %8.2f   target <= %d %s  (%s)%n",
                work.dynamoRequests(), dynamoBudget,
                Targets.verdict(work.dynamoRequests() <= dynamoBudget),
                work.dynamoByOperation().entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "  scans                  %8.2f   target 0      %s%n",
                work.scans(), Targets.verdict(work.scans() == 0));
        out.printf(Locale.ROOT, "  postToConnection       %8.2f   target %-6d %s%n",
                work.postToConnection(), n, Targets.verdict(work.postToConnection() == n));
        out.printf(Locale.ROOT, "  consumed capacity      %8.2f units%n",
                work.consumedCapacityUnits());
    }

    private static void coldStart(Results results, PrintStream out) {
        out.printf("%nCold start: fresh JVM, C1 only, init + one invocation, median"
                + " (target <= 800 ms, jar <= 15 MB)%n");
        out.printf("  %-10s %8s %8s %8s %9s%n", "function", "ms", "min", "max", "jar MB");
        for (Results.ColdStart row : results.coldStart()) {
            out.printf(Locale.ROOT, "  %-10s %8.0f %8.0f %8.0f %9.2f %s%n", row.function(),
                    row.ms(), row.minMs(), row.maxMs(), row.jarBytes() / MB,
                    Targets.verdict(row.ms() <= 800 && row.jarBytes() <= 15 * MB));
        }
    }

    private static void history(Results.History history, PrintStream out) {
        double ratio = history.deepP99Ms() / history.firstP99Ms();
        out.printf(Locale.ROOT, "%nHistory: page of 50 through HistoryHandler, %,d messages in"
                + " the room (target p99 <= 5 ms, deep/first <= 1.5)%n", history.messages());
        out.printf(Locale.ROOT, "  newest   p50 %6.2f ms  p99 %6.2f ms%n", history.firstP50Ms(),
                history.firstP99Ms());
        out.printf(Locale.ROOT, "  deep     p50 %6.2f ms  p99 %6.2f ms  deep/first %.2f %s%n",
                history.deepP50Ms(), history.deepP99Ms(), ratio,
                Targets.verdict(history.firstP99Ms() <= 5 && history.deepP99Ms() <= 5
                        && ratio <= 1.5));
    }

    private static void throughput(Results.Throughput load, PrintStream out) {
        out.printf(Locale.ROOT, "%nSustained: %d clients in %d rooms, %.0f s (target >= 500/s,"
                + " 0 lost, 0 duplicated)%n", load.clients(), load.rooms(), load.seconds());
        out.printf(Locale.ROOT, "  %,d acked, %.0f messages/s, p99 ack %.1f ms, lost %d,"
                + " duplicated %d %s%n", load.acked(), load.messagesPerSecond(),
                load.p99AckMs(), load.lost(), load.duplicated(),
                Targets.verdict(load.messagesPerSecond() >= 500 && load.lost() == 0
                        && load.duplicated() == 0));
    }

    private static void presence(Results.Presence presence, PrintStream out) {
        out.printf(Locale.ROOT, "%nPresence: %d users beating every 30 s for %.1f simulated"
                + " hours (target <= 60 writes per user-hour)%n", presence.users(),
                presence.simulatedHours());
        out.printf(Locale.ROOT, "  %.1f DynamoDB writes per online user-hour %s  %s%n",
                presence.writesPerUserHour(), Targets.verdict(presence.writesPerUserHour() <= 60),
                presence.byOperation());
    }
}
