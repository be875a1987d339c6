package dev.polychat.core.app;

import dev.polychat.core.auth.PasswordHasher;
import dev.polychat.core.auth.SigningKey;
import dev.polychat.core.auth.TokenService;
import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.Env;
import dev.polychat.core.dynamo.ConnectionStore;
import dev.polychat.core.dynamo.PresenceStore;
import dev.polychat.core.dynamo.RateLimiter;
import dev.polychat.core.dynamo.SubscriptionStore;
import dev.polychat.core.dynamo.Tables;
import dev.polychat.core.realtime.Fanout;
import dev.polychat.core.service.AuthService;
import dev.polychat.core.service.ChatService;
import dev.polychat.core.service.ConnectionService;
import dev.polychat.core.service.Membership;
import dev.polychat.core.service.PresenceService;
import dev.polychat.core.service.RoomService;
import dev.polychat.core.sql.ConnectionOpener;
import dev.polychat.core.sql.Database;
import dev.polychat.core.sql.MessageRepository;
import dev.polychat.core.sql.RoomRepository;
import dev.polychat.core.sql.UserRepository;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Everything a function needs, built from its configuration once per execution environment
 * and only when first used. The local stack runs every function in one JVM; with the same
 * configuration they share one instance, as functions in one environment would.
 *
 * <p>Variables read here besides those of {@link AwsClients}, {@link Tables},
 * {@link SigningKey} and the database: {@code POLYCHAT_RATE_LIMIT} (sends per window, 30),
 * {@code POLYCHAT_RATE_WINDOW_SECONDS} (10), {@code POLYCHAT_TOKEN_TTL_SECONDS} (43200, at
 * most 86400), {@code POLYCHAT_BCRYPT_COST} (10).
 */
public final class ChatApp {
    private static final Map<Map<String, String>, ChatApp> SHARED = new ConcurrentHashMap<>();

    private final Env env;
    private final Clock clock;
    private final Lazy<DynamoDbClient> dynamo;
    private final Lazy<ApiGatewayManagementApiAsyncClient> postClient;
    private final Lazy<Database> database;
    private final Lazy<TokenService> tokens;
    private final Lazy<AuthService> auth;
    private final Lazy<ConnectionService> connectionService;
    private final Lazy<PresenceService> presenceService;
    private final Lazy<ChatService> chat;
    private final Lazy<RoomService> roomService;
    private final Lazy<Fanout> fanout;

    /**
     * Clients handed in instead of built from configuration: tests and the benchmark use this
     * to count requests or to talk to servers of their own. Null means "build it".
     */
    public record Clients(
            DynamoDbClient dynamo,
            ApiGatewayManagementApiAsyncClient connections,
            Supplier<Connection> database) {

        public static Clients none() {
            return new Clients(null, null, null);
        }
    }

    public ChatApp(Env env, Clock clock) {
        this(env, clock, Clients.none());
    }

    public ChatApp(Env env, Clock clock, Clients clients) {
        this.env = env;
        this.clock = clock;
        this.dynamo = new Lazy<>(() -> clients.dynamo() != null ? clients.dynamo()
                : AwsClients.dynamo(env));
        this.postClient = new Lazy<>(() -> clients.connections() != null ? clients.connections()
                : AwsClients.connections(env));
        this.database = new Lazy<>(() -> new Database(clients.database() != null
                ? clients.database() : ConnectionOpener.from(env)));
        this.tokens = new Lazy<>(() -> new TokenService(SigningKey.load(env),
                Duration.ofSeconds(env.integer("POLYCHAT_TOKEN_TTL_SECONDS", 43_200, 60,
                        86_400)), clock));
        this.auth = new Lazy<>(() -> new AuthService(new UserRepository(database.get()),
                new PasswordHasher(env.integer("POLYCHAT_BCRYPT_COST", 10, 4, 15)),
                tokens.get()));
        this.presenceService = new Lazy<>(() -> new PresenceService(presenceStore(),
                connectionStore(), subscriptionStore(), rooms(), this::fanout));
        this.connectionService = new Lazy<>(() -> new ConnectionService(connectionStore(),
                subscriptionStore(), rooms(), presenceService.get()));
        this.fanout = new Lazy<>(() -> new Fanout(postClient.get(), subscriptionStore(),
                gone -> connectionService.get().gone(gone, clock.instant()), clock));
        this.chat = new Lazy<>(() -> new ChatService(new MessageRepository(database.get()),
                rooms(), membership(), rateLimiter(), this::fanout));
        this.roomService = new Lazy<>(() -> new RoomService(rooms(),
                new MessageRepository(database.get()), new Lazy<>(this::presenceStore),
                new Lazy<>(this::membership)));
    }

    /** The instance for this configuration, built once per JVM. */
    public static ChatApp shared(Env env) {
        return SHARED.computeIfAbsent(env.asMap(), map -> new ChatApp(env, Clock.systemUTC()));
    }

    /**
     * Makes {@code app} the instance that handlers built with {@code app.env()} use, so a test
     * or benchmark can hand in its own clients or clock and still run the real handlers.
     */
    public static void share(ChatApp app) {
        SHARED.put(app.env().asMap(), app);
    }

    public Env env() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    public TokenService tokens() {
        return tokens.get();
    }

    public AuthService auth() {
        return auth.get();
    }

    public ChatService chat() {
        return chat.get();
    }

    public RoomService roomService() {
        return roomService.get();
    }

    public ConnectionService connections() {
        return connectionService.get();
    }

    public PresenceService presence() {
        return presenceService.get();
    }

    public Fanout fanout() {
        return fanout.get();
    }

    /**
     * Checks, without building the client, what posting to connections needs: functions that
     * fan out call this at start-up so a missing endpoint fails the deployment, not a chat.
     */
    public void requirePostingConfig() {
        AwsClients.region(env);
        AwsClients.connectionsEndpoint(env);
    }

    public Database database() {
        return database.get();
    }

    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    /**
     * Forgets the shared instance of this configuration and closes its clients and database
     * connections: for a local stack that stops while its JVM goes on (tests).
     */
    public static void release(Env env) {
        ChatApp app = SHARED.remove(env.asMap());
        if (app != null) {
            app.close();
        }
    }

    /** Closes what was built: the SDK clients (their threads) and the database connections. */
    public void close() {
        if (dynamo.isBuilt()) {
            dynamo.get().close();
        }
        if (postClient.isBuilt()) {
            postClient.get().close();
        }
        if (database.isBuilt()) {
            database.get().close();
        }
    }

    /** Drops database connections: before a SnapStart snapshot, after a restore, at shutdown. */
    public void closeDatabaseConnections() {
        if (database.isBuilt()) {
            database.get().closeIdle();
        }
    }

    private RoomRepository rooms() {
        return new RoomRepository(database.get());
    }

    private Membership membership() {
        return new Membership(rooms(), connectionStore(), subscriptionStore());
    }

    private ConnectionStore connectionStore() {
        return new ConnectionStore(dynamo.get(), Tables.name(Tables.CONNECTIONS, env));
    }

    private SubscriptionStore subscriptionStore() {
        return new SubscriptionStore(dynamo.get(), Tables.name(Tables.SUBSCRIPTIONS, env));
    }

    private PresenceStore presenceStore() {
        return new PresenceStore(dynamo.get(), Tables.name(Tables.PRESENCE, env));
    }

    private RateLimiter rateLimiter() {
        return new RateLimiter(dynamo.get(), Tables.name(Tables.RATE_LIMITS, env),
                env.integer("POLYCHAT_RATE_LIMIT", 30, 1, 100_000),
                Duration.ofSeconds(env.integer("POLYCHAT_RATE_WINDOW_SECONDS", 10, 1, 3600)));
    }
}
