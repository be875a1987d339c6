package dev.polychat.engines;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (embedded binaries, same major version as the cloud) whose data lives
 * in a folder of ours and survives restarts. It listens on 127.0.0.1 only.
 */
public final class PostgresEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresEngine.class);
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres server;

    private PostgresEngine(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts PostgreSQL on {@code port} (0 picks a free one) with its data in {@code folder}.
     * The binaries unpack under {@code folder}'s parent, not in the system temp folder.
     */
    public static PostgresEngine start(Path folder, int port) {
        try {
            Path data = folder.resolve("data");
            Path work = folder.resolve("work");
            Files.createDirectories(data);
            Files.createDirectories(work);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(work.toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            LOG.info("PostgreSQL listening on 127.0.0.1:{}", server.getPort());
            return new PostgresEngine(server);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + folder, e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    /** The embedded server trusts local connections; the password is empty. */
    public String password() {
        return "";
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
