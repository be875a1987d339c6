package dev.polychat.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite, a DynamoDB-compatible server from npm, run as a child process bound to 127.0.0.1.
 * With a data folder it keeps its tables on disk (LevelDB); without one, in memory.
 */
public final class DynaliteEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DynaliteEngine.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;

    private DynaliteEngine(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts dynalite from the project's {@code tools/dynalite} install.
     *
     * @param repo the project's root folder
     * @param dataFolder where the tables live, or null to keep them in memory
     * @param port the port, or 0 for a free one
     */
    public static DynaliteEngine start(Path repo, Path dataFolder, int port) {
        Path cli = repo.resolve("tools/dynalite/node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: run 'npm ci' in "
                    + repo.resolve("tools/dynalite") + " (./polychat does this for you)");
        }
        int chosen = port > 0 ? port : FreePort.find();
        List<String> command = new ArrayList<>(List.of(Node.executable(), cli.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(chosen),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        try {
            if (dataFolder != null) {
                Files.createDirectories(dataFolder);
                command.addAll(List.of("--path", dataFolder.toString()));
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            DynaliteEngine engine = new DynaliteEngine(process, chosen);
            engine.awaitListening();
            LOG.info("dynalite listening on 127.0.0.1:{} (pid {})", chosen, process.pid());
            return engine;
        } catch (IOException e) {
            throw new UncheckedIOException("dynalite did not start", e);
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with code " + process.exitValue()
                        + " before listening on port " + port + " (is the port taken?)");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IllegalStateException("dynalite did not listen on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dynalite", e);
        }
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the server and waits for it: no child process outlives us. */
    @Override
    public void close() {
        process.destroy();
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
