package dev.polychat.bench.coldstart;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One fresh JVM running {@link ColdStartLauncher} beside a function jar, timed from outside. */
final class FreshJvm {
    private static final long TIMEOUT_SECONDS = 60;

    private final Path jar;
    private final Path launcherClasses;
    private final List<String> flags;
    private final Map<String, String> env;
    private final Path log;

    FreshJvm(Path jar, Path launcherClasses, List<String> flags, Map<String, String> env,
            Path log) {
        this.jar = jar;
        this.launcherClasses = launcherClasses;
        this.flags = flags;
        this.env = env;
        this.log = log;
    }

    /** Milliseconds from starting the process to the handler's answer. */
    double launch(String function) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", jar + File.pathSeparator + launcherClasses,
                ColdStartLauncher.class.getName(), function));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);

        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a JVM for " + function, e);
        }
        // A hung child must not hang the bench: past the deadline it is killed, which ends
        // the read below.
        CompletableFuture.delayedExecutor(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .execute(process::destroyForcibly);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(ColdStartLauncher.DONE)) {
                    double ms = (System.nanoTime() - started) / 1e6;
                    check(function, line);
                    return ms;
                }
            }
            throw new IllegalStateException("cold start of " + function + " ended without an"
                    + " answer; see " + log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            stop(process);
        }
    }

    private void check(String function, String line) {
        if (!line.contains(ColdStartFunctions.expectedIn(function))) {
            throw new IllegalStateException("cold start of " + function + " answered badly: "
                    + line + " (see " + log + ")");
        }
    }

    private static void stop(Process process) {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
