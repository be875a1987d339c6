package dev.polychat.core.dynamo;

import dev.polychat.core.config.Env;
import dev.polychat.core.dynamo.TableSpec.Index;
import dev.polychat.core.dynamo.TableSpec.Key;
import java.util.List;
import java.util.Optional;

/** The DynamoDB tables of PolyChat. Item attributes are documented on each store. */
public final class Tables {
    public static final String EXPIRES_AT = "expiresAt";

    /** One item per open WebSocket connection; the user index finds a user's connections. */
    public static final TableSpec CONNECTIONS = new TableSpec(
            "connections", "POLYCHAT_TABLE_CONNECTIONS",
            Key.string("connectionId"), Optional.empty(),
            List.of(new Index("byUser",
                    Key.string("userId"), Optional.of(Key.string("connectionId")))),
            EXPIRES_AT);

    /**
     * Which connections receive a room's events: fan-out queries one partition (the room),
     * page by page. The connection index finds what to remove when a connection goes away.
     */
    public static final TableSpec SUBSCRIPTIONS = new TableSpec(
            "subscriptions", "POLYCHAT_TABLE_SUBSCRIPTIONS",
            Key.string("roomId"), Optional.of(Key.string("connectionId")),
            List.of(new Index("byConnection",
                    Key.string("connectionId"), Optional.of(Key.string("roomId")))),
            EXPIRES_AT);

    /**
     * One item per user who is or was recently online. Online and away users carry a sweep
     * shard, so the sparse expiry index lets the sweep find the silent ones without a scan.
     */
    public static final TableSpec PRESENCE = new TableSpec(
            "presence", "POLYCHAT_TABLE_PRESENCE",
            Key.string("userId"), Optional.empty(),
            List.of(new Index("byExpiry",
                    Key.string("sweepShard"), Optional.of(Key.number(EXPIRES_AT)))),
            EXPIRES_AT);

    /** Send counters per connection, in one-second buckets, shared by every Lambda instance. */
    public static final TableSpec RATE_LIMITS = new TableSpec(
            "rate-limits", "POLYCHAT_TABLE_RATE_LIMITS",
            Key.string("connectionId"), Optional.empty(),
            List.of(),
            EXPIRES_AT);

    public static final List<TableSpec> ALL =
            List.of(CONNECTIONS, SUBSCRIPTIONS, PRESENCE, RATE_LIMITS);

    private Tables() {
    }

    /** The physical name of a table in this environment. */
    public static String name(TableSpec table, Env env) {
        return env.string(table.nameVariable(), table.defaultName());
    }
}
