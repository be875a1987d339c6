package dev.polychat.local.websocket;

import dev.polychat.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Runs before an upgrade completes: gives the connection its id, asks {@link Admission}, and
 * either answers with the refusal's HTTP status (no socket opens) or hands Jetty the socket.
 */
final class UpgradeGate implements WebSocketCreator {
    private final ConnectionIds ids = new ConnectionIds();
    private final Admission admission;
    private final ConnectionRegistry registry;
    private final RouteInvoker routes;
    private final Executor executor;
    private final Connection.EndListener onEnd;

    UpgradeGate(Admission admission, ConnectionRegistry registry, RouteInvoker routes,
            Executor executor, Connection.EndListener onEnd) {
        this.admission = admission;
        this.registry = registry;
        this.routes = routes;
        this.executor = executor;
        this.onEnd = onEnd;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response,
            Callback callback) {
        UpgradeInfo upgrade = UpgradeInfo.of(request, System.currentTimeMillis());
        String connectionId = ids.next();

        Admission.Outcome outcome = admission.admit(upgrade, connectionId);
        if (outcome instanceof Admission.Refused refused) {
            refuse(response, callback, refused);
            return null;
        }

        // API Gateway negotiates no extensions. With permessage-deflate, Jetty would also refuse
        // a legal frame whose inflated text outgrows its decompress buffer (about 8 KB).
        response.setExtensions(List.of());
        Admission.Admitted admitted = (Admission.Admitted) outcome;
        Connection connection = new Connection(connectionId, upgrade,
                admitted.authorizerContext(), onEnd);
        return new GatewaySocket(connection, registry, routes, executor);
    }

    private static void refuse(ServerUpgradeResponse response, Callback callback,
            Admission.Refused refused) {
        byte[] body = Json.write(Map.of("message", refused.message()))
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(refused.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
