package dev.polychat.bench.report;

import java.util.List;
import java.util.Map;

/**
 * Everything one bench run measured, shaped exactly as {@code target/bench/results.json}.
 * Latencies are milliseconds; counts per message are averages over the messages sent.
 */
public record Results(
        Run run,
        List<Fanout> fanout,
        PerMessage perMessage,
        List<ColdStart> coldStart,
        History history,
        Throughput throughput,
        Presence presence) {

    /** Where and how the figures were taken. */
    public record Run(String mode, String startedAt, int cores, String java, double seconds) {
    }

    /** Send → last of N clients has it, beside the server writing the same frame directly. */
    public record Fanout(int recipients, int messages, double p50Ms, double p99Ms,
            double floorP50Ms, double floorP99Ms, double cpuMsPerMessage) {
    }

    /** Work one message into a room of N costs, counted at the clients' interfaces. */
    public record PerMessage(int recipients, int messages, double pgRoundTrips,
            double dynamoRequests, double scans, double postToConnection,
            Map<String, Double> dynamoByOperation, double consumedCapacityUnits) {
    }

    /** A fresh JVM through init and one invocation; median of several. */
    public record ColdStart(String function, String handler, double ms, double minMs,
            double maxMs, long jarBytes) {
    }

    /** REST pages of 50 from the newest end and from deep in a long room. */
    public record History(long messages, double firstP50Ms, double firstP99Ms,
            double deepP50Ms, double deepP99Ms) {
    }

    /** Closed-loop senders: each sends its next message when the last one is acked. */
    public record Throughput(int clients, int rooms, double seconds, long acked,
            double messagesPerSecond, double p99AckMs, long lost, long duplicated) {
    }

    /** DynamoDB writes heartbeats cost, per user and hour of simulated time. */
    public record Presence(int users, double simulatedHours, long writes,
            double writesPerUserHour, Map<String, Long> byOperation) {
    }
}
