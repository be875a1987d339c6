package dev.polychat.bench.stack;

import dev.polychat.bench.infra.Folders;
import dev.polychat.engines.FreePort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack the load parts drive: its own JVM from the stack's jar, as
 * {@code ./polychat up} runs, on a free port of 127.0.0.1 with its data in a fresh folder,
 * the rate limit raised and the fan-out floor switched on. Or a stack already running, when
 * the bench is given one (then its CPU is not measured). Closing stops what was started.
 */
public final class BenchStack implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String baseUrl;
    private final Process process;

    private BenchStack(String baseUrl, Process process) {
        this.baseUrl = baseUrl;
        this.process = process;
    }

    public static BenchStack running(String baseUrl) {
        return new BenchStack(baseUrl, null);
    }

    public static BenchStack start(Path repo, Path work) {
        Path data = work.resolve("stack");
        Folders.deleteRecursively(data);
        int port = FreePort.find();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m", "-Xmx1g", "-Dpolychat.home=" + repo, "-jar", jar(repo).toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        work.resolve("stack.log").toFile()));
        var env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("POLYCHAT_") || name.startsWith("AWS_"));
        env.put("POLYCHAT_PORT", Integer.toString(port));
        env.put("POLYCHAT_DATA", data.toString());
        env.put("POLYCHAT_RATE_LIMIT", "100000");
        env.put("POLYCHAT_BCRYPT_COST", "4");
        env.put("POLYCHAT_LOG_LEVEL", "WARN");
        env.put("POLYCHAT_BENCH_FLOOR", "true");
        try {
            Files.createDirectories(work);
            BenchStack stack = new BenchStack("http://127.0.0.1:" + port, builder.start());
            stack.awaitUp();
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local stack", e);
        }
    }

    private void awaitUp() {
        CompletableFuture<Void> up = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("bench-stack-out").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(
                    process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("PolyChat is up")) {
                        up.complete(null);
                    }
                }
                up.completeExceptionally(new IllegalStateException("the local stack exited"
                        + " before it was up; see target/bench/work/stack.log"));
            } catch (IOException e) {
                up.completeExceptionally(e);
            }
        });
        try {
            up.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the local stack did not come up: " + e, e);
        }
    }

    private static Path jar(Path repo) {
        Path target = repo.resolve("local/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-all.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no local stack jar in " + target + ": build it first"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + target, e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String webSocketUrl() {
        return baseUrl.replaceFirst("^http", "ws") + "/ws";
    }

    /** CPU time of the stack and its children (dynalite, PostgreSQL); -1 when not ours. */
    public double cpuMillis() {
        if (process == null) {
            return -1;
        }
        ProcessHandle self = process.toHandle();
        return Stream.concat(Stream.of(self), self.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum() / 1e6;
    }

    /**
     * Stops the stack and, should any outlive it, its children. Idempotent. The load parts
     * stop it before their clients go: a thousand clean disconnects would each announce the
     * user offline to the whole room, which is not what is being measured.
     */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
