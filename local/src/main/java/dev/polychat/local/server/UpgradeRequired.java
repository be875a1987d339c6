package dev.polychat.local.server;

import dev.polychat.local.http.Responses;
import dev.polychat.local.websocket.WebSocketGateway;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A plain HTTP request to the WebSocket path: say that it needs an upgrade. */
final class UpgradeRequired extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!WebSocketGateway.PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        response.getHeaders().put("Upgrade", "websocket");
        Responses.json(response, callback, 426, "{\"message\":\"Upgrade Required\"}");
        return true;
    }
}
