package dev.polychat.bench.presence;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.polychat.bench.events.LambdaEvents;
import dev.polychat.bench.infra.BenchEngines;
import dev.polychat.bench.infra.Clients;
import dev.polychat.bench.infra.DynamoCounters;
import dev.polychat.bench.infra.Fixtures;
import dev.polychat.bench.infra.SteppingClock;
import dev.polychat.bench.report.Results;
import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.core.service.AuthService;
import dev.polychat.presence.HeartbeatHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Presence cost: users connect, then each beats every 30 s through the real
 * {@link HeartbeatHandler} for a stretch of simulated time; the DynamoDB writes those beats
 * cause are counted and expressed per online user-hour.
 */
public final class PresenceBench {
    private static final Duration BEAT = Duration.ofSeconds(30);

    private final BenchEngines engines;
    private final String connectionsEndpoint;
    private final int users;
    private final Duration simulated;

    public PresenceBench(BenchEngines engines, String connectionsEndpoint, int users,
            Duration simulated) {
        this.engines = engines;
        this.connectionsEndpoint = connectionsEndpoint;
        this.users = users;
        this.simulated = simulated;
    }

    public Results.Presence run() {
        Map<String, String> env = engines.env("presence");
        env.put("POLYCHAT_CONNECTIONS_ENDPOINT", connectionsEndpoint);
        SteppingClock clock = new SteppingClock(Instant.now());
        DynamoCounters counters = new DynamoCounters();
        ChatApp app = new ChatApp(Env.of(env), clock,
                new ChatApp.Clients(Clients.dynamo(env, counters), null, null));
        ChatApp.share(app);

        List<AuthService.Session> online = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            AuthService.Session user = Fixtures.user(app, "presence");
            app.connections().connected(connectionId(i), Fixtures.identity(user),
                    clock.instant());
            online.add(user);
        }

        HeartbeatHandler handler = new HeartbeatHandler(Env.of(env));
        counters.reset();
        long beats = simulated.dividedBy(BEAT);
        for (long beat = 0; beat < beats; beat++) {
            clock.advance(BEAT);
            for (int i = 0; i < online.size(); i++) {
                AuthService.Session user = online.get(i);
                APIGatewayV2WebSocketResponse pong = handler.handleRequest(
                        LambdaEvents.webSocket("heartbeat", connectionId(i), user.user().id(),
                                user.user().username(), "{\"action\":\"heartbeat\"}"), null);
                if (!pong.getBody().contains("\"pong\"")) {
                    throw new IllegalStateException("heartbeat answered " + pong.getBody());
                }
            }
        }

        double hours = simulated.toSeconds() / 3600.0;
        long writes = counters.writes();
        return new Results.Presence(users, hours, writes,
                Math.round(writes / (users * hours) * 10) / 10.0, counters.byOperation());
    }

    private static String connectionId(int i) {
        return "presence-bench-" + i;
    }
}
