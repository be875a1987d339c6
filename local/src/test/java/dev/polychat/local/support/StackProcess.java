package dev.polychat.local.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code dev.polychat.local.LocalStack} in a child JVM, as {@code ./polychat up} runs it. */
public final class StackProcess implements AutoCloseable {
    private static final long WAIT_SECONDS = 90;

    private final Process process;
    private final Path stderr;
    private final CompletableFuture<String> upLine = new CompletableFuture<>();
    private final List<String> stdout = new ArrayList<>();

    private StackProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread.ofPlatform().daemon().name("stack-stdout").start(this::readStdout);
    }

    /**
     * Starts the stack with {@code env} as its whole environment (plus what a JVM needs).
     */
    public static StackProcess start(Path home, Path logs, Map<String, String> env)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "-Dpolychat.home=" + home,
                "dev.polychat.local.LocalStack");
        builder.environment().clear();
        builder.environment().putAll(env);
        Path stderr = logs.resolve("stderr-" + System.nanoTime() + ".txt");
        builder.redirectError(stderr.toFile());
        return new StackProcess(builder.start(), stderr);
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (stdout) {
                    stdout.add(line);
                }
                if (line.startsWith("PolyChat is up")) {
                    upLine.complete(line);
                }
            }
            upLine.completeExceptionally(new AssertionError("the stack ended without starting"));
        } catch (IOException e) {
            upLine.completeExceptionally(e);
        }
    }

    /** Waits for "PolyChat is up: ..." and returns that line. */
    public String awaitUp() {
        return upLine.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the stack did not exit within " + WAIT_SECONDS + " s");
        }
        return process.exitValue();
    }

    public List<String> stderrLines() throws IOException {
        return Files.readAllLines(stderr).stream()
                .filter(line -> !line.startsWith("WARNING: "))
                .toList();
    }

    public List<String> stdoutLines() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGTERM, as Ctrl-C or a service manager would stop it. */
    public void terminate() {
        process.destroy();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
