package dev.polychat.bench;

import dev.polychat.bench.coldstart.ColdStartBench;
import dev.polychat.bench.history.HistoryBench;
import dev.polychat.bench.infra.BenchEngines;
import dev.polychat.bench.infra.StubConnections;
import dev.polychat.bench.presence.PresenceBench;
import dev.polychat.bench.report.Results;
import dev.polychat.bench.stack.BenchStack;
import dev.polychat.bench.stack.FanoutBench;
import dev.polychat.bench.stack.ThroughputBench;
import dev.polychat.bench.work.PerMessageBench;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run: the parts the options name, each beside the servers it needs, then stopped. */
final class Bench {
    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);
    /** The parts that run the handlers in this JVM, against the bench's own engines. */
    private static final Set<String> IN_PROCESS = Set.of("work", "presence", "history",
            "coldstart");

    private final BenchOptions options;
    private final Path repo;
    private final Path workFolder;

    /**
     * @param repo the project root: where the jars to start are
     * @param workFolder where the servers keep their data and the children their logs
     */
    Bench(BenchOptions options, Path repo, Path workFolder) {
        this.options = options;
        this.repo = repo;
        this.workFolder = workFolder;
    }

    /** A fresh stack per load part, so one part's clients never weigh on the next. */
    private BenchStack stack() {
        return options.stackUrl() != null ? BenchStack.running(options.stackUrl())
                : BenchStack.start(repo, workFolder);
    }

    Results run() {
        Instant started = Instant.now();
        long clock = System.nanoTime();
        List<Results.Fanout> fanout = List.of();
        Results.PerMessage work = null;
        List<Results.ColdStart> coldStart = List.of();
        Results.History history = null;
        Results.Throughput throughput = null;
        Results.Presence presence = null;

        if (options.runs("fanout")) {
            try (BenchStack stack = stack()) {
                LOG.info("fan-out to {} at {}/s", options.fanoutRecipients(),
                        options.fanoutPerSecond());
                fanout = new FanoutBench(stack, options.fanoutRecipients(),
                        options.fanoutMessages(), options.fanoutPerSecond()).run();
            }
        }
        if (options.runs("throughput")) {
            try (BenchStack stack = stack()) {
                LOG.info("sustained load for {}", options.loadDuration());
                throughput = new ThroughputBench(stack, options.loadClients(),
                        options.loadRooms(), options.loadDuration()).run();
            }
        }

        boolean inProcess = options.parts().stream().anyMatch(IN_PROCESS::contains);
        try (BenchEngines engines = inProcess
                        ? BenchEngines.start(repo, workFolder.resolve("engines")) : null;
                StubConnections stub = inProcess ? StubConnections.start() : null) {
            if (options.runs("work")) {
                LOG.info("work per message into a room of {}", options.workRecipients());
                work = new PerMessageBench(engines, stub, options.workRecipients(),
                        options.workMessages()).run();
            }
            if (options.runs("presence")) {
                LOG.info("presence cost over {} simulated", options.presenceSimulated());
                presence = new PresenceBench(engines, stub.endpoint(), options.presenceUsers(),
                        options.presenceSimulated()).run();
            }
            if (options.runs("history")) {
                LOG.info("history at depth: {} messages", options.historyMessages());
                history = new HistoryBench(engines, options.historyMessages(),
                        options.historySamples()).run();
            }
            if (options.runs("coldstart")) {
                LOG.info("cold start: {} fresh JVMs per function", options.coldStartRuns());
                coldStart = new ColdStartBench(repo, workFolder, engines, stub.endpoint(),
                        options.coldStartRuns()).run();
            }
        }

        double seconds = (System.nanoTime() - clock) / 1e9;
        return new Results(new Results.Run(options.mode(), started.toString(),
                Runtime.getRuntime().availableProcessors(), Runtime.version().toString(),
                Math.round(seconds)), fanout, work, coldStart, history, throughput, presence);
    }
}
