package dev.polychat.bench.coldstart;

import dev.polychat.bench.infra.BenchEngines;
import dev.polychat.bench.infra.Fixtures;
import dev.polychat.bench.report.Percentiles;
import dev.polychat.bench.report.Results;
import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.core.domain.Room;
import dev.polychat.core.dynamo.SubscriptionStore;
import dev.polychat.core.dynamo.Tables;
import dev.polychat.core.service.AuthService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cold start of each function: its deployable jar in a fresh JVM with the flags the cloud
 * stack sets, through init and one representative invocation against the bench's services.
 * Functions take turns, so a disturbance on the machine spreads over all of them.
 */
public final class ColdStartBench {
    /** What the Lambda Java 21 runtime is configured with in the cloud stack. */
    public static final List<String> CLOUD_FLAGS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    private static final Logger LOG = LoggerFactory.getLogger(ColdStartBench.class);

    private final Path repo;
    private final Path work;
    private final BenchEngines engines;
    private final String connectionsEndpoint;
    private final int runs;

    public ColdStartBench(Path repo, Path work, BenchEngines engines,
            String connectionsEndpoint, int runs) {
        this.repo = repo;
        this.work = work;
        this.engines = engines;
        this.connectionsEndpoint = connectionsEndpoint;
        this.runs = runs;
    }

    public List<Results.ColdStart> run() {
        Map<String, String> env = childEnvironment();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        ColdStartFunctions.NAMES.forEach(f -> times.put(f, new ArrayList<>()));
        Path launcherClasses = launcherClasses();
        List<String> flags = new ArrayList<>(CLOUD_FLAGS);
        // For profiling a start, e.g. -Dpolychat.bench.coldStartFlags=-Xlog:class+load:file=x
        String extra = System.getProperty("polychat.bench.coldStartFlags", "").strip();
        if (!extra.isEmpty()) {
            flags.addAll(List.of(extra.split("\\s+")));
        }

        for (int run = 0; run < runs; run++) {
            for (String function : ColdStartFunctions.NAMES) {
                FreshJvm jvm = new FreshJvm(jar(function), launcherClasses, flags, env,
                        work.resolve("cold-start-" + function + ".log"));
                times.get(function).add(jvm.launch(function));
            }
        }

        List<Results.ColdStart> results = new ArrayList<>();
        times.forEach((function, ms) -> {
            Percentiles p = Percentiles.of(ms);
            results.add(new Results.ColdStart(function, ColdStartFunctions.handlerOf(function),
                    Percentiles.round(median(ms)), Percentiles.round(p.at(0)),
                    Percentiles.round(p.at(100)), size(jar(function))));
            LOG.info("cold start of {}: {}", function, ms);
        });
        return results;
    }

    /** The function's configuration, as its Lambda environment would hold it, plus a fixture. */
    private Map<String, String> childEnvironment() {
        Map<String, String> env = new HashMap<>(engines.env("cold-start"));
        env.remove("POLYCHAT_BENCH_PART");
        env.remove("POLYCHAT_RATE_LIMIT");
        env.put("POLYCHAT_CONNECTIONS_ENDPOINT", connectionsEndpoint);
        env.put("POLYCHAT_DATABASE_APP_USER", "polychat_app");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "polychat-bench");

        ChatApp app = ChatApp.shared(Env.of(engines.env("cold-start-fixture")));
        AuthService.Session user = Fixtures.user(app, "cold");
        Room room = Fixtures.room(app, user, "cold start");
        String connection = "cold-start-connection";
        new SubscriptionStore(app.dynamo(), Tables.name(Tables.SUBSCRIPTIONS, app.env()))
                .subscribe(room.id(), connection, user.user().id(),
                        Instant.now().plusSeconds(3600));

        env.put("BENCH_USER_ID", user.user().id());
        env.put("BENCH_USERNAME", user.user().username());
        env.put("BENCH_PASSWORD", Fixtures.password());
        env.put("BENCH_TOKEN", user.token());
        env.put("BENCH_ROOM_ID", room.id());
        env.put("BENCH_CONNECTION_ID", connection);
        return env;
    }

    private Path jar(String function) {
        Path target = repo.resolve("functions").resolve(function).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-lambda.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no deployable jar in " + target
                            + ": build it first (mvn package)"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + target, e);
        }
    }

    private static Path launcherClasses() {
        try {
            return Path.of(ColdStartLauncher.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the launcher's classes", e);
        }
    }

    private static long size(Path jar) {
        try {
            return Files.size(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
