package dev.polychat.bench;

import dev.polychat.bench.report.Report;
import dev.polychat.bench.report.Results;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./polychat bench}: measures what matters and prints it beside the targets, then
 * writes the same figures to {@code target/bench/results.json}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path repo = repoRoot();
        Results results = new Bench(options, repo, repo.resolve("target/bench/work")).run();
        Path json = repo.resolve("target/bench/results.json");
        Report.writeJson(results, json);
        Report.print(results, System.out);
        System.out.println("Figures written to " + repo.relativize(json));
    }

    /** The project root: {@code -Dpolychat.home}, or the nearest folder up with tools/dynalite. */
    static Path repoRoot() {
        String home = System.getProperty("polychat.home");
        if (home != null) {
            return Path.of(home).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("tools/dynalite"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run the bench from the project (or set"
                    + " -Dpolychat.home): no folder with tools/dynalite above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
