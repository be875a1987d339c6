package dev.polychat.local.contract;

import dev.polychat.core.config.Env;
import dev.polychat.local.LocalStack;
import dev.polychat.local.Settings;
import dev.polychat.testkit.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * One local stack for the whole contract suite, started as {@code ./polychat up} would start
 * it (embedded PostgreSQL, dynalite, the real handlers) but on a free port and a fresh data
 * folder, and stopped when the test JVM exits.
 */
final class ContractStack {
    private static LocalStack running;
    private static Path dataFolder;

    private ContractStack() {
    }

    static synchronized Chat chat() {
        return new Chat(running().baseUri());
    }

    static synchronized LocalStack running() {
        if (running == null) {
            try {
                dataFolder = Files.createTempDirectory("polychat-contract");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            running = start(dataFolder);
            LocalStack started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return running;
    }

    static LocalStack start(Path data) {
        return LocalStack.start(Settings.builder(Repo.root())
                .port(0)
                .dataFolder(data)
                .scheduleInterval(Duration.ofSeconds(1))
                .build());
    }

    /** The environment the stack's handlers run with: table names, endpoints. */
    static Env handlerEnv() {
        return running().handlerEnv();
    }

    /** The stack's token signing key, for making tokens it must refuse (expired ones). */
    static byte[] signingKey() {
        String file = handlerEnv().require("POLYCHAT_JWT_KEY_FILE");
        try {
            return Base64.getDecoder().decode(Files.readString(Path.of(file),
                    StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
