package dev.polychat.lambda.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.core.domain.Room;
import dev.polychat.core.dynamo.ConnectionStore;
import dev.polychat.core.dynamo.PresenceStore;
import dev.polychat.core.dynamo.SubscriptionStore;
import dev.polychat.core.dynamo.TableAdmin;
import dev.polychat.core.dynamo.TableSpec;
import dev.polychat.core.dynamo.Tables;
import dev.polychat.core.json.Json;
import dev.polychat.core.service.AuthService;
import dev.polychat.testkit.ChatBackend;
import dev.polychat.testkit.ConnectionsServer;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The world a handler scenario runs in: a backend (PostgreSQL, DynamoDB, signing key), tables
 * of the test class's own, a recording {@code @connections} endpoint, and the {@link ChatApp}
 * the handlers share for that configuration. The "given" steps (users, rooms, open
 * connections) go through the real services; the "then" steps read the real tables back.
 */
public final class ChatWorld implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Env env;
    private final ConnectionsServer connections;
    private final ChatApp app;

    private ChatWorld(Env env, ConnectionsServer connections) {
        this.env = env;
        this.connections = connections;
        this.app = ChatApp.shared(env);
    }

    /**
     * Starts a world on the backend with tables named after {@code owner}.
     *
     * @param extra variables on top, e.g. {@code POLYCHAT_RATE_LIMIT}
     */
    public static ChatWorld start(ChatBackend backend, Class<?> owner,
            Map<String, String> extra) {
        ConnectionsServer connections = ConnectionsServer.start();
        Map<String, String> values = new HashMap<>(backend.environment());
        for (TableSpec spec : Tables.ALL) {
            values.put(spec.nameVariable(), owner.getSimpleName() + "-" + spec.logicalName());
        }
        values.put("POLYCHAT_CONNECTIONS_ENDPOINT", connections.endpoint());
        values.put("POLYCHAT_BCRYPT_COST", "4");
        values.putAll(extra);
        Env env = Env.of(values);

        ChatWorld world = new ChatWorld(env, connections);
        new TableAdmin(world.app.dynamo()).createMissing(env);
        return world;
    }

    public Env env() {
        return env;
    }

    public ChatApp app() {
        return app;
    }

    public ConnectionsServer connections() {
        return connections;
    }

    /** A username no other scenario uses: {@code <name>-<6 hex>}, within 3–32 characters. */
    public static String uniqueName(String name) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return name + "-" + HexFormat.of().formatHex(suffix);
    }

    /** An id shaped like API Gateway's: 12 characters of URL-safe base64 ending in '='. */
    public static String newConnectionId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes).substring(0, 11) + "=";
    }

    /** Registers a user with a fresh name starting with {@code name}. */
    public Person register(String name) {
        AuthService.Session session = app.auth().register(uniqueName(name), PASSWORD, null);
        return new Person(session.user(), session.token(), PASSWORD);
    }

    public Room room(Person creator, String name, boolean isPrivate) {
        return app.roomService().create(creator.identity(), name, "", isPrivate,
                app.clock().instant());
    }

    public void join(Person person, Room room) {
        app.roomService().join(person.identity(), room.id(), app.clock().instant());
    }

    /**
     * Opens a connection for the person as {@code $connect} would: registered, subscribed to
     * the person's rooms, and then live at the {@code @connections} endpoint, because API
     * Gateway accepts posts to a connection only once its {@code $connect} has returned.
     */
    public String connect(Person person) {
        String connectionId = newConnectionId();
        app.connections().connected(connectionId, person.identity(), app.clock().instant());
        connections.register(connectionId);
        return connectionId;
    }

    public ConnectionStore connectionStore() {
        return new ConnectionStore(app.dynamo(), Tables.name(Tables.CONNECTIONS, env));
    }

    public SubscriptionStore subscriptionStore() {
        return new SubscriptionStore(app.dynamo(), Tables.name(Tables.SUBSCRIPTIONS, env));
    }

    public PresenceStore presenceStore() {
        return new PresenceStore(app.dynamo(), Tables.name(Tables.PRESENCE, env));
    }

    /** The connections subscribed to the room now, read back from the table. */
    public List<String> subscribersOf(String roomId) {
        List<String> subscribers = new ArrayList<>();
        subscriptionStore().forEachPage(roomId, 100, app.clock().instant(),
                page -> page.forEach(s -> subscribers.add(s.connectionId())));
        return subscribers;
    }

    /** The frames posted to the connection, parsed. */
    public List<JsonNode> framesTo(String connectionId) {
        return connections.framesTo(connectionId).stream().map(ChatWorld::parse).toList();
    }

    /** The frames of one event type posted to the connection. */
    public List<JsonNode> framesTo(String connectionId, String type) {
        return framesTo(connectionId).stream()
                .filter(frame -> type.equals(frame.path("type").asText()))
                .toList();
    }

    /** A frame or body from string fields, escaped properly. */
    public static String json(Map<String, String> fields) {
        return Json.write(fields);
    }

    public static JsonNode parse(String json) {
        try {
            return Json.read(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    @Override
    public void close() {
        connections.close();
    }
}
