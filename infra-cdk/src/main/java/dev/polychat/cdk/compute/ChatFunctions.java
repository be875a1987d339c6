package dev.polychat.cdk.compute;

import dev.polychat.cdk.Acks;
import dev.polychat.cdk.Findings;
import dev.polychat.cdk.data.ChatTables;
import dev.polychat.cdk.data.Database;
import dev.polychat.core.dynamo.TableSpec;
import dev.polychat.core.dynamo.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.WebSocketStage;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The chat's functions, each given exactly what it uses: the variables that name a resource and
 * the permission on that resource come from one {@link Needs}, so they cannot drift apart.
 *
 * <p>Memory, which also sets CPU (1,769 MB = one vCPU), assumes what was measured on our build
 * machine: fanning a message out costs about 0.11 ms of CPU per recipient through the async
 * client, so 1,000 recipients are about 110 ms of CPU, and message gets a full vCPU; bcrypt
 * at cost 10 is CPU-bound, so auth gets one too. The others mostly wait on DynamoDB or
 * PostgreSQL; 1,024 MB keeps their restore and first calls quick without paying for idle CPU.
 * The authorizer only checks an HMAC, so 512 MB. Revisit with the Duration and
 * Max Memory Used figures on the dashboard once real traffic runs.
 */
public final class ChatFunctions extends Construct {
    static final String RATE_LIMIT = "30";

    /** What the functions are wired to. */
    public record Wiring(Database database, ChatTables tables, ISecret signingKey,
            WebSocketStage webSocket) {
    }

    /** What one function uses; becomes its environment and its IAM policy. */
    private record Needs(boolean database, boolean signingKey, List<TableSpec> tables,
            boolean manageConnections) {
    }

    /** What the stores call: items and queries, nothing else. */
    static final List<String> ITEM_ACTIONS = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem");

    private static final List<TableSpec> PRESENCE_TABLES =
            List.of(Tables.CONNECTIONS, Tables.SUBSCRIPTIONS, Tables.PRESENCE);

    private final FunctionFactory factory;
    private final Wiring wiring;
    private final SecurityGroup databaseClients;
    private final SecurityGroup others;
    private final List<ChatFunction> all = new ArrayList<>();

    private final ChatFunction auth;
    private final ChatFunction authorizer;
    private final ChatFunction connect;
    private final ChatFunction disconnect;
    private final ChatFunction message;
    private final ChatFunction heartbeat;
    private final ChatFunction sweep;
    private final ChatFunction history;

    public ChatFunctions(Construct scope, String id, FunctionFactory factory, IVpc vpc,
            Wiring wiring) {
        super(scope, id);
        this.factory = factory;
        this.wiring = wiring;
        databaseClients = securityGroup("DatabaseClients", vpc,
                "PolyChat functions that reach the database proxy");
        others = securityGroup("NoDatabase", vpc, "PolyChat functions without database access");
        wiring.database().allowAppNetwork(databaseClients);

        auth = deploy(new FunctionSpec("Auth", "auth", "dev.polychat.auth.AuthHandler",
                1769, Duration.seconds(10), "register and log in (REST)"),
                new Needs(true, true, List.of(), false));
        authorizer = deploy(new FunctionSpec("Authorizer", "connect",
                "dev.polychat.connect.AuthorizerHandler", 512, Duration.seconds(5),
                "checks the token of a WebSocket connect"),
                new Needs(false, true, List.of(), false));
        connect = deploy(new FunctionSpec("Connect", "connect",
                "dev.polychat.connect.ConnectHandler", 1024, Duration.seconds(10),
                "registers a WebSocket connection and subscribes it to its rooms"),
                new Needs(true, false, PRESENCE_TABLES, true));
        disconnect = deploy(new FunctionSpec("Disconnect", "connect",
                "dev.polychat.connect.DisconnectHandler", 1024, Duration.seconds(10),
                "removes a WebSocket connection and updates presence"),
                new Needs(true, false, PRESENCE_TABLES, true));
        message = deploy(new FunctionSpec("Message", "message",
                "dev.polychat.message.MessageHandler", 1769, Duration.seconds(29),
                "stores and fans out messages; joins, leaves, typing"),
                new Needs(true, false, Tables.ALL, true));
        heartbeat = deploy(new FunctionSpec("Heartbeat", "presence",
                "dev.polychat.presence.HeartbeatHandler", 1024, Duration.seconds(10),
                "keeps presence alive"),
                new Needs(true, false, PRESENCE_TABLES, true));
        sweep = deploy(new FunctionSpec("Sweep", "presence",
                "dev.polychat.presence.SweepHandler", 1024, Duration.seconds(50),
                "marks silent users offline, every minute"),
                new Needs(true, false, PRESENCE_TABLES, true));
        history = deploy(new FunctionSpec("History", "history",
                "dev.polychat.history.HistoryHandler", 1024, Duration.seconds(10),
                "rooms, history and presence (REST)"),
                new Needs(true, true, PRESENCE_TABLES, false));
    }

    /** Every chat function; the migrate function is not one of them. */
    public List<ChatFunction> all() {
        return List.copyOf(all);
    }

    public ChatFunction auth() {
        return auth;
    }

    public ChatFunction authorizer() {
        return authorizer;
    }

    public ChatFunction connect() {
        return connect;
    }

    public ChatFunction disconnect() {
        return disconnect;
    }

    public ChatFunction message() {
        return message;
    }

    public ChatFunction heartbeat() {
        return heartbeat;
    }

    public ChatFunction sweep() {
        return sweep;
    }

    public ChatFunction history() {
        return history;
    }

    private ChatFunction deploy(FunctionSpec spec, Needs needs) {
        Map<String, String> environment = new HashMap<>();
        if (needs.database()) {
            environment.put("POLYCHAT_DATABASE_URL", wiring.database().proxyJdbcUrl());
            environment.put("POLYCHAT_DATABASE_USER", Database.APP_USER);
            environment.put("POLYCHAT_DATABASE_IAM_AUTH", "true");
        }
        if (needs.signingKey()) {
            environment.put("POLYCHAT_JWT_SECRET_ARN", wiring.signingKey().getSecretArn());
        }
        for (TableSpec table : needs.tables()) {
            environment.put(table.nameVariable(), wiring.tables().table(table).getTableName());
        }
        if (needs.tables().contains(Tables.RATE_LIMITS)) {
            environment.put("POLYCHAT_RATE_LIMIT", RATE_LIMIT);
        }
        if (needs.manageConnections()) {
            environment.put("POLYCHAT_CONNECTIONS_ENDPOINT", wiring.webSocket().getCallbackUrl());
        }

        ChatFunction deployed = factory.create(this, spec,
                needs.database() ? databaseClients : others, environment);

        if (needs.database()) {
            wiring.database().grantAppConnect(deployed.function());
        }
        if (needs.signingKey()) {
            wiring.signingKey().grantRead(deployed.function());
        }
        for (TableSpec table : needs.tables()) {
            grantItemAccess(deployed, table);
        }
        if (needs.manageConnections()) {
            grantManageConnections(deployed);
        }
        all.add(deployed);
        return deployed;
    }

    /**
     * Item reads and writes on the table and its indexes; no Scan (the code pages through
     * queries only), no streams, no table administration.
     */
    private void grantItemAccess(ChatFunction function, TableSpec spec) {
        Table table = wiring.tables().table(spec);
        table.grant(function.function(), ITEM_ACTIONS.toArray(String[]::new));
        if (!spec.indexes().isEmpty()) {
            Acks.on(function.function(),
                    Findings.wildcardResource(Findings.ref(table, "Arn") + "/index/*"),
                    "Queries by the table's own secondary indexes, which are all named in "
                            + "Tables; the wildcard stays under this one table.");
        }
    }

    /** Posting to connections of this API's stage only, never another API's. */
    private void grantManageConnections(ChatFunction function) {
        WebSocketStage stage = wiring.webSocket();
        stage.grantManagementApiAccess(function.function());
        String connections = Findings.arnPrefix(this, "execute-api")
                + Findings.ref(stage.getApi()) + "/" + stage.getStageName() + "/*/@connections/*";
        Acks.on(function.function(), Findings.wildcardResource(connections),
                "Connection ids are only known at run time; the grant covers @connections of"
                        + " this API's stage and nothing else.");
    }

    private SecurityGroup securityGroup(String id, IVpc vpc, String description) {
        // Outbound stays open: functions call AWS APIs (DynamoDB, @connections, Secrets
        // Manager) over HTTPS through the NAT and the DynamoDB gateway endpoint.
        return SecurityGroup.Builder.create(this, id).vpc(vpc).description(description).build();
    }
}
