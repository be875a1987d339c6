package dev.polychat.bench.infra;

import dev.polychat.core.config.Env;
import dev.polychat.core.dynamo.TableAdmin;
import dev.polychat.engines.DynaliteEngine;
import dev.polychat.engines.PostgresEngine;
import dev.polychat.schema.Migrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The bench's own PostgreSQL and dynalite (in memory), on 127.0.0.1, with data in a fresh
 * folder: the in-process measurements run the real handlers against them. Closing stops both.
 */
public final class BenchEngines implements AutoCloseable {
    private final PostgresEngine postgres;
    private final DynaliteEngine dynalite;
    private final Path keyFile;

    private BenchEngines(PostgresEngine postgres, DynaliteEngine dynalite, Path keyFile) {
        this.postgres = postgres;
        this.dynalite = dynalite;
        this.keyFile = keyFile;
    }

    public static BenchEngines start(Path repo, Path work) {
        Folders.deleteRecursively(work);
        PostgresEngine postgres = PostgresEngine.start(work.resolve("postgres"), 0);
        DynaliteEngine dynalite = null;
        try {
            Migrations.migrate(postgres.jdbcUrl(), postgres.user(), postgres.password());
            dynalite = DynaliteEngine.start(repo, null, 0);
            BenchEngines engines = new BenchEngines(postgres, dynalite,
                    writeKey(work.resolve("jwt.key")));
            new TableAdmin(Clients.dynamo(engines.env("setup"), null))
                    .createMissing(Env.of(engines.env("setup")));
            return engines;
        } catch (RuntimeException e) {
            if (dynalite != null) {
                dynalite.close();
            }
            postgres.close();
            throw e;
        }
    }

    /**
     * The configuration handlers run with. {@code part} keeps the ChatApp of one measurement
     * apart from another's: ChatApp shares one instance per distinct configuration.
     */
    public Map<String, String> env(String part) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "bench");
        env.put("AWS_SECRET_ACCESS_KEY", "bench");
        env.put("POLYCHAT_DYNAMODB_ENDPOINT", dynalite.endpoint());
        env.put("POLYCHAT_DATABASE_URL", postgres.jdbcUrl());
        env.put("POLYCHAT_DATABASE_USER", postgres.user());
        env.put("POLYCHAT_DATABASE_PASSWORD", postgres.password());
        env.put("POLYCHAT_JWT_KEY_FILE", keyFile.toString());
        env.put("POLYCHAT_RATE_LIMIT", "100000");
        env.put("POLYCHAT_BENCH_PART", part);
        return env;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(),
                postgres.password());
    }

    @Override
    public void close() {
        try {
            dynalite.close();
        } finally {
            postgres.close();
        }
    }

    private static Path writeKey(Path file) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the signing key " + file, e);
        }
    }
}
