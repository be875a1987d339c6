package dev.polychat.local.server;

import dev.polychat.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises before any handler runs (an ambiguous or malformed path, a bad header)
 * answered in the contract's shape, {@code {"error":{"code","message"}}}, instead of an HTML
 * page; the status stays Jetty's.
 */
final class JsonErrors implements Request.Handler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        var body = Json.object();
        body.putObject("error").put("code", code(status)).put("message", message(status));
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }

    private static String code(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 413 -> "payload_too_large";
            default -> status >= 500 ? "internal" : "bad_request";
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 404 -> "no such route";
            case 413 -> "the request is too large";
            default -> status >= 500 ? "internal error; try again"
                    : "the request could not be read (a malformed path or header)";
        };
    }
}
