package dev.polychat.local;

import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.local.bench.FloorBroadcast;
import dev.polychat.local.http.HttpApi;
import dev.polychat.local.http.Readiness;
import dev.polychat.local.schedule.PresenceSchedule;
import dev.polychat.local.server.GatewayServer;
import dev.polychat.local.startup.Closer;
import dev.polychat.local.startup.DataFolderLock;
import dev.polychat.local.startup.DataServices;
import dev.polychat.local.startup.HandlerEnvironment;
import dev.polychat.local.startup.JwtSigningKey;
import dev.polychat.local.startup.Preflight;
import dev.polychat.local.startup.Progress;
import dev.polychat.local.startup.TemporaryFolder;
import dev.polychat.local.websocket.WebSocketGateway;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * PolyChat on a laptop: one JVM that plays API Gateway (WebSocket and HTTP APIs), EventBridge's
 * schedule and the data services, and runs the real handlers in-process. {@link #main} is
 * {@code ./polychat up}; {@link #start(Settings)} is the same stack for tests.
 */
public final class LocalStack implements AutoCloseable {
    private final Closer closer;
    private final Readiness readiness;
    private final int port;
    private final Env handlerEnv;

    private LocalStack(Closer closer, Readiness readiness, int port, Env handlerEnv) {
        this.closer = closer;
        this.readiness = readiness;
        this.port = port;
        this.handlerEnv = handlerEnv;
    }

    public static void main(String[] args) {
        Closer closer = new Closer();
        // Registered first, so Ctrl-C even during start-up stops every child process.
        Runtime.getRuntime().addShutdownHook(new Thread(closer::close, "polychat-shutdown"));
        try {
            Settings settings = Settings.fromEnvironment(System.getenv(), home());
            LocalStack stack = start(settings, Functions::polychat, closer, System.out);
            System.out.println("PolyChat is up: http://localhost:" + stack.port() + "/");
        } catch (RuntimeException e) {
            System.err.println("polychat: " + StartupFailure.describe(e));
            System.exit(1);
        }
    }

    private static Path home() {
        String home = System.getProperty("polychat.home");
        return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath();
    }

    /** Starts the whole stack with PolyChat's handlers. */
    public static LocalStack start(Settings settings) {
        return start(settings, Functions::polychat);
    }

    /** Starts the whole stack with the given functions; tests bring their own. */
    public static LocalStack start(Settings settings, Functions.Factory functions) {
        return start(settings, functions, new Closer(), System.out);
    }

    private static LocalStack start(Settings settings, Functions.Factory functions,
            Closer closer, PrintStream out) {
        try {
            return new Startup(settings, closer, new Progress(out)).run(functions);
        } catch (RuntimeException | Error e) {
            closer.close();
            throw e;
        }
    }

    /** The steps of a start, in order; each adds what it started to the closer. */
    private record Startup(Settings settings, Closer closer, Progress progress) {

        LocalStack run(Functions.Factory factory) {
            if (settings.temporaryData()) {
                // Added first, so it runs last: after PostgreSQL and dynalite have stopped.
                closer.add("temporary data", () -> TemporaryFolder.delete(settings.dataFolder()));
            }
            closer.add("data folder lock", DataFolderLock.take(settings.dataFolder()));
            int port = progress.step("port", () -> Preflight.port(settings.port()),
                    p -> "127.0.0.1:" + p + " is free");
            if (settings.dynamoEndpoint().isEmpty()) {
                // Checked before PostgreSQL starts, so a missing Node costs no waiting.
                Preflight.dynaliteRunnable(settings.home());
            }

            Settings.Database database = progress.step("PostgreSQL",
                    () -> DataServices.postgres(settings, closer), db -> db.url());
            progress.step("schema", () -> DataServices.migrate(database),
                    version -> "at version " + version);

            URI dynamo = progress.step("DynamoDB", () -> DataServices.dynamo(settings, closer),
                    URI::toString);
            Path keyFile = settings.dataFolder().resolve(JwtSigningKey.FILE_NAME);
            Env env = HandlerEnvironment.build(settings, port, database, dynamo, keyFile);
            progress.step("tables", () -> DataServices.createTables(env), n -> n + " ready");

            progress.step("JWT signing key", () -> JwtSigningKey.ensure(settings.dataFolder()),
                    key -> (key.created() ? "created " : "kept ") + key.file());

            // Added before the functions, so it runs after they stop: their shared clients.
            closer.add("SDK clients and database connections", () -> ChatApp.release(env));
            RunningFunctions functions = closer.add("functions",
                    new RunningFunctions(factory.create(env)));
            progress.step("handlers", functions::warm, n -> n + " functions");

            Readiness readiness = new Readiness();
            WebSocketGateway webSocket = closer.add("WebSocket gateway", new WebSocketGateway(
                    functions.authorizer, functions.connect, functions.disconnect,
                    functions.routes, settings.webSocketLimits()));
            HttpApi httpApi = new HttpApi(functions.auth, functions.history);
            GatewayServer server = progress.step("HTTP and WebSocket",
                    () -> closer.add("HTTP server", GatewayServer.start(port, webSocket,
                            httpApi, readiness, settings.home().resolve("web/dist"),
                            FloorBroadcast.ifEnabled(env, webSocket.connections()).stream()
                                    .toList())),
                    s -> "listening on 127.0.0.1:" + s.port());

            progress.step("presence sweep", () -> closer.add("presence schedule",
                    new PresenceSchedule(functions.sweep, settings.scheduleInterval())),
                    s -> "every " + settings.scheduleInterval().toSeconds() + " s");

            readiness.markReady();
            closer.add("readiness", readiness::markStopping);
            return new LocalStack(closer, readiness, server.port(), env);
        }
    }

    public int port() {
        return port;
    }

    /** Where the stack answers: {@code http://127.0.0.1:<port>/}. */
    public URI baseUri() {
        return URI.create("http://" + GatewayServer.HOST + ":" + port + "/");
    }

    /** The environment the handlers run with, for tests that talk to the same services. */
    public Env handlerEnv() {
        return handlerEnv;
    }

    public boolean isReady() {
        return readiness.isReady();
    }

    /** Stops everything this stack started, children included, in reverse order. */
    @Override
    public void close() {
        closer.close();
    }
}
