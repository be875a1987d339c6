package dev.polychat.bench.work;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.polychat.bench.events.LambdaEvents;
import dev.polychat.bench.infra.BenchEngines;
import dev.polychat.bench.infra.Clients;
import dev.polychat.bench.infra.CountingJdbc;
import dev.polychat.bench.infra.DynamoCounters;
import dev.polychat.bench.infra.Fixtures;
import dev.polychat.bench.infra.StubConnections;
import dev.polychat.bench.report.Results;
import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.core.domain.Room;
import dev.polychat.core.dynamo.SubscriptionStore;
import dev.polychat.core.dynamo.Tables;
import dev.polychat.core.json.Json;
import dev.polychat.core.service.AuthService;
import dev.polychat.message.MessageHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Work per message, counted rather than guessed: messages sent through the real
 * {@link MessageHandler} into a room with N subscribed connections, with PostgreSQL round
 * trips counted on the JDBC connection, DynamoDB requests by an SDK interceptor and posts
 * where they arrive.
 */
public final class PerMessageBench {
    private final BenchEngines engines;
    private final StubConnections stub;
    private final int recipients;
    private final int messages;

    public PerMessageBench(BenchEngines engines, StubConnections stub, int recipients,
            int messages) {
        this.engines = engines;
        this.stub = stub;
        this.recipients = recipients;
        this.messages = messages;
    }

    public Results.PerMessage run() {
        Map<String, String> env = engines.env("work-" + recipients);
        env.put("POLYCHAT_CONNECTIONS_ENDPOINT", stub.endpoint());
        DynamoCounters dynamo = new DynamoCounters();
        CountingJdbc jdbc = new CountingJdbc(env.get("POLYCHAT_DATABASE_URL"),
                env.get("POLYCHAT_DATABASE_USER"), env.get("POLYCHAT_DATABASE_PASSWORD"));
        ChatApp app = new ChatApp(Env.of(env), Clock.systemUTC(),
                new ChatApp.Clients(Clients.dynamo(env, dynamo), null, jdbc));
        ChatApp.share(app);

        AuthService.Session sender = Fixtures.user(app, "work");
        Room room = Fixtures.room(app, sender, "work per message");
        String senderConnection = "work-sender-" + UUID.randomUUID();
        subscribe(env, room.id(), senderConnection, sender.user().id());

        MessageHandler handler = new MessageHandler(Env.of(env));
        for (int i = 0; i < 5; i++) {
            send(handler, room, sender, senderConnection);
        }
        jdbc.reset();
        dynamo.reset();
        stub.reset();
        for (int i = 0; i < messages; i++) {
            send(handler, room, sender, senderConnection);
        }

        Map<String, Double> byOperation = new TreeMap<>();
        dynamo.byOperation().forEach((op, n) -> byOperation.put(op, perMessage(n)));
        return new Results.PerMessage(recipients, messages, perMessage(jdbc.roundTrips()),
                perMessage(dynamo.total()), perMessage(dynamo.scans()), perMessage(stub.posts()),
                byOperation, perMessage(dynamo.capacityUnits()));
    }

    /** The sender's connection plus N - 1 others, as N clients connected to the room. */
    private void subscribe(Map<String, String> env, String roomId, String senderConnection,
            String senderId) {
        SubscriptionStore store = new SubscriptionStore(Clients.dynamo(env, null),
                Tables.name(Tables.SUBSCRIPTIONS, Env.of(env)));
        Instant expires = Instant.now().plusSeconds(3600);
        store.subscribe(roomId, senderConnection, senderId, expires);
        for (int i = 1; i < recipients; i++) {
            store.subscribe(roomId, "work-" + UUID.randomUUID(), UUID.randomUUID().toString(),
                    expires);
        }
    }

    private static void send(MessageHandler handler, Room room, AuthService.Session sender,
            String connectionId) {
        var frame = Json.object().put("action", "sendMessage").put("roomId", room.id())
                .put("clientMsgId", UUID.randomUUID().toString()).put("body", "counted");
        APIGatewayV2WebSocketResponse reply = handler.handleRequest(LambdaEvents.webSocket(
                "sendMessage", connectionId, sender.user().id(), sender.user().username(),
                Json.write(frame)), null);
        if (reply.getBody() == null || !reply.getBody().contains("\"ack\"")) {
            throw new IllegalStateException("sendMessage answered " + reply.getBody());
        }
    }

    private double perMessage(double total) {
        return Math.round(total / messages * 100) / 100.0;
    }
}
