package dev.polychat.local.management;

import dev.polychat.core.json.Json;
import dev.polychat.local.http.RequestBodies;
import dev.polychat.local.http.Responses;
import dev.polychat.local.lambda.LocalAws;
import dev.polychat.local.websocket.Connection;
import dev.polychat.local.websocket.ConnectionRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API Gateway's Management API, {@code /{stage}/@connections/{connectionId}}, answering as AWS
 * does so the SDK's own client works against it unchanged: POST sends a frame, GET describes
 * the connection, DELETE closes it, and a connection that is gone is a 410 GoneException.
 * Requests are SigV4-signed by the SDK; the signature is not checked locally.
 */
public final class ConnectionsApi extends Handler.Abstract {
    public static final String STAGE = "local";
    public static final String PREFIX = "/" + STAGE + "/@connections/";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsApi.class);
    /** PostToConnection's payload quota. */
    private static final int MAX_PAYLOAD_BYTES = 128 * 1024;

    private final ConnectionRegistry connections;

    public ConnectionsApi(ConnectionRegistry connections) {
        this.connections = connections;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
            throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PREFIX)) {
            return false;
        }
        response.getHeaders().put("x-amzn-RequestId", LocalAws.shortId());
        String connectionId = path.substring(PREFIX.length());
        Optional<Connection> connection = connections.find(connectionId);
        String method = request.getMethod();

        if (HttpMethod.POST.is(method)) {
            post(request, response, callback, connection);
        } else if (connection.isEmpty()) {
            gone(response, callback);
        } else if (HttpMethod.GET.is(method)) {
            describe(response, callback, connection.get());
        } else if (HttpMethod.DELETE.is(method)) {
            connection.get().close(StatusCode.NORMAL, "");
            Responses.empty(response, callback, 204);
        } else {
            error(response, callback, 405, "MethodNotAllowedException", "Method not allowed");
        }
        return true;
    }

    private void post(Request request, Response response, Callback callback,
            Optional<Connection> connection) throws Exception {
        Optional<byte[]> payload = RequestBodies.read(request, MAX_PAYLOAD_BYTES);
        if (payload.isEmpty()) {
            error(response, callback, 413, "PayloadTooLargeException", "Message too long");
            return;
        }
        if (connection.isEmpty()) {
            gone(response, callback);
            return;
        }

        String frame = new String(payload.get(), StandardCharsets.UTF_8);
        connection.get().send(frame).whenComplete((sent, failure) -> {
            if (failure == null) {
                Responses.empty(response, callback, 200);
            } else {
                LOG.debug("post to {} failed: {}", connection.get().id(), failure.toString());
                gone(response, callback);
            }
        });
    }

    private static void describe(Response response, Callback callback, Connection connection) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", connection.sourceIp());
        identity.put("userAgent", connection.userAgent());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connectedAt", Instant.ofEpochMilli(connection.connectedAt()).toString());
        body.put("identity", identity);
        body.put("lastActiveAt", Instant.ofEpochMilli(connection.lastActiveAt()).toString());
        Responses.json(response, callback, 200, Json.write(body));
    }

    /** The SDK raises GoneException from this header; the body is what AWS sends. */
    private static void gone(Response response, Callback callback) {
        response.getHeaders().put("x-amzn-ErrorType", "GoneException");
        Responses.json(response, callback, 410, "{\"message\":null}");
    }

    private static void error(Response response, Callback callback, int status, String type,
            String message) {
        response.getHeaders().put("x-amzn-ErrorType", type);
        Responses.json(response, callback, status, Json.write(Map.of("message", message)));
    }
}
