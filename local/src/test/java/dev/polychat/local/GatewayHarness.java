package dev.polychat.local;

import dev.polychat.core.config.Env;
import dev.polychat.engines.FreePort;
import dev.polychat.local.http.HttpApi;
import dev.polychat.local.http.Readiness;
import dev.polychat.local.server.GatewayServer;
import dev.polychat.local.startup.Closer;
import dev.polychat.local.support.EventLog;
import dev.polychat.local.support.TestFunctions;
import dev.polychat.local.websocket.WebSocketGateway;
import dev.polychat.local.websocket.WebSocketLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;

/**
 * The gateway alone (no data services) on a free port, with the test handlers: what the
 * gateway tests talk to over real sockets.
 */
final class GatewayHarness implements AutoCloseable {
    final EventLog events = new EventLog();
    final TestFunctions functions = new TestFunctions(events);
    final Readiness readiness = new Readiness();
    final HttpClient http = HttpClient.newHttpClient();
    final Env env;
    final WebSocketGateway webSocket;
    private final Closer closer = new Closer();
    private final int port;

    GatewayHarness(WebSocketLimits limits, Path webDist) {
        int free = FreePort.find();
        env = Env.of(Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "POLYCHAT_CONNECTIONS_ENDPOINT", "http://127.0.0.1:" + free + "/local"));
        RunningFunctions running = closer.add("functions",
                new RunningFunctions(functions.create(env)));
        webSocket = closer.add("gateway", new WebSocketGateway(running.authorizer,
                running.connect, running.disconnect, running.routes, limits));
        GatewayServer server = closer.add("server", GatewayServer.start(free, webSocket,
                new HttpApi(running.auth, running.history), readiness, webDist));
        this.port = server.port();
    }

    GatewayHarness() {
        this(WebSocketLimits.apiGateway(), Path.of("no-such-dist"));
    }

    URI ws(String token) {
        return URI.create("ws://127.0.0.1:" + port + "/ws?token=" + token);
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    URI connectionsEndpoint() {
        return URI.create(env.require("POLYCHAT_CONNECTIONS_ENDPOINT"));
    }

    @Override
    public void close() {
        closer.close();
        http.close();
    }
}
