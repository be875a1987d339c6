package dev.polychat.testkit;

import dev.polychat.engines.DynaliteEngine;
import dev.polychat.engines.PostgresEngine;
import dev.polychat.schema.Migrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One PostgreSQL and one dynalite per test JVM, started on first use and stopped when the JVM
 * exits. Starting them per test class would cost seconds each; tests isolate themselves by
 * resetting data instead.
 */
public final class SharedEngines {
    private static PostgresEngine postgres;
    private static DynaliteEngine dynalite;

    private SharedEngines() {
    }

    public static synchronized TestDatabase postgres() {
        if (postgres == null) {
            Path folder = workFolder().resolve("postgres-" + ProcessHandle.current().pid());
            deleteRecursively(folder);
            postgres = PostgresEngine.start(folder, 0);
            Migrations.migrate(postgres.jdbcUrl(), postgres.user(), postgres.password());
            PostgresEngine started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteRecursively(folder);
            }));
        }
        return new TestDatabase(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    public static synchronized String dynamoEndpoint() {
        if (dynalite == null) {
            dynalite = DynaliteEngine.start(Repo.root(), null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(dynalite::close));
        }
        return dynalite.endpoint();
    }

    private static Path workFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"), "polychat-tests");
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
