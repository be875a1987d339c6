package dev.polychat.local;

import dev.polychat.core.config.ConfigException;
import dev.polychat.core.config.Env;
import dev.polychat.local.websocket.WebSocketLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the local stack runs: where the project and its data are, which port, whether to use a
 * DynamoDB-compatible server or a PostgreSQL of the developer's own, and the timings.
 *
 * @param home the project's root folder (tools/dynalite, web/dist)
 * @param dataFolder where PostgreSQL, dynalite and the signing key keep their data
 * @param port the HTTP port; 0 picks a free one
 * @param dynamoEndpoint a running DynamoDB-compatible server to use instead of dynalite
 * @param database a running PostgreSQL to use instead of the embedded one
 * @param scheduleInterval how often the presence sweep runs
 * @param webSocketLimits idle and lifetime limits of WebSocket connections
 * @param handlerEnv variables passed to every handler, beside the ones the stack sets
 * @param temporaryData whether the data folder is deleted when the stack stops
 */
public record Settings(
        Path home,
        Path dataFolder,
        int port,
        Optional<URI> dynamoEndpoint,
        Optional<Database> database,
        Duration scheduleInterval,
        WebSocketLimits webSocketLimits,
        Map<String, String> handlerEnv,
        boolean temporaryData) {

    public static final String PORT = "POLYCHAT_PORT";
    public static final String DATA = "POLYCHAT_DATA";
    public static final String DYNAMODB_ENDPOINT = "POLYCHAT_DYNAMODB_ENDPOINT";
    public static final String DATABASE_URL = "POLYCHAT_DATABASE_URL";
    public static final String DATABASE_USER = "POLYCHAT_DATABASE_USER";
    public static final String DATABASE_PASSWORD = "POLYCHAT_DATABASE_PASSWORD";
    public static final String SCHEDULE_SECONDS = "POLYCHAT_SCHEDULE_SECONDS";
    public static final String WS_IDLE_SECONDS = "POLYCHAT_WS_IDLE_SECONDS";
    public static final String WS_MAX_LIFETIME_SECONDS = "POLYCHAT_WS_MAX_LIFETIME_SECONDS";

    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_SCHEDULE = Duration.ofSeconds(5);

    /** A PostgreSQL the developer runs. */
    public record Database(String url, String user, String password) {
    }

    public Settings {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(dataFolder, "dataFolder");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        handlerEnv = Map.copyOf(handlerEnv);
    }

    /**
     * Reads the settings from the process environment; every {@code POLYCHAT_*} variable also
     * reaches the handlers. Invalid values fail with a message naming the variable.
     */
    public static Settings fromEnvironment(Map<String, String> variables, Path home) {
        Env env = Env.of(variables);
        Map<String, String> passThrough = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (name.startsWith("POLYCHAT_")) {
                passThrough.put(name, value);
            }
        });
        Path data = env.optional(DATA).map(Path::of).orElse(home.resolve(".polychat"));
        return new Settings(
                home.toAbsolutePath(),
                data.toAbsolutePath(),
                env.integer(PORT, DEFAULT_PORT, 1, 65_535),
                env.uri(DYNAMODB_ENDPOINT),
                database(env),
                Duration.ofSeconds(env.integer(SCHEDULE_SECONDS, 5, 1, 3_600)),
                new WebSocketLimits(
                        Duration.ofSeconds(env.integer(WS_IDLE_SECONDS,
                                (int) WebSocketLimits.IDLE_TIMEOUT.toSeconds(), 1, 86_400)),
                        Duration.ofSeconds(env.integer(WS_MAX_LIFETIME_SECONDS,
                                (int) WebSocketLimits.MAX_LIFETIME.toSeconds(), 1, 604_800))),
                passThrough,
                false);
    }

    private static Optional<Database> database(Env env) {
        Optional<String> url = env.optional(DATABASE_URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (!url.get().startsWith("jdbc:postgresql://")) {
            throw new ConfigException(DATABASE_URL, "must be a PostgreSQL JDBC URL"
                    + " (jdbc:postgresql://host:port/database), got '" + url.get() + "'");
        }
        return Optional.of(new Database(url.get(), env.require(DATABASE_USER),
                env.string(DATABASE_PASSWORD, "")));
    }

    /**
     * Settings for tests and tools: a free port, default timings, nothing passed through, and
     * unless a data folder is given, a temporary one that is deleted when the stack stops.
     */
    public static Builder builder(Path home) {
        return new Builder(home);
    }

    /** Builds {@link Settings} step by step. */
    public static final class Builder {
        private final Path home;
        private Path dataFolder;
        private int port;
        private URI dynamoEndpoint;
        private Database database;
        private Duration scheduleInterval = DEFAULT_SCHEDULE;
        private WebSocketLimits webSocketLimits = WebSocketLimits.apiGateway();
        private final Map<String, String> handlerEnv = new LinkedHashMap<>();

        private Builder(Path home) {
            this.home = home.toAbsolutePath();
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder dataFolder(Path value) {
            this.dataFolder = value.toAbsolutePath();
            return this;
        }

        public Builder dynamoEndpoint(URI value) {
            this.dynamoEndpoint = value;
            return this;
        }

        public Builder database(String url, String user, String password) {
            this.database = new Database(url, user, password);
            return this;
        }

        public Builder scheduleInterval(Duration value) {
            this.scheduleInterval = value;
            return this;
        }

        public Builder webSocketLimits(WebSocketLimits value) {
            this.webSocketLimits = value;
            return this;
        }

        /** A variable every handler receives, for example {@code POLYCHAT_RATE_LIMIT}. */
        public Builder env(String name, String value) {
            handlerEnv.put(name, value);
            return this;
        }

        public Settings build() {
            boolean temporary = dataFolder == null;
            Path data = temporary ? temporaryFolder() : dataFolder;
            return new Settings(home, data, port, Optional.ofNullable(dynamoEndpoint),
                    Optional.ofNullable(database), scheduleInterval, webSocketLimits,
                    handlerEnv, temporary);
        }

        private static Path temporaryFolder() {
            try {
                return Files.createTempDirectory("polychat-stack-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary data folder", e);
            }
        }
    }
}
