package dev.polychat.local.http;

import dev.polychat.core.error.ErrorCode;
import dev.polychat.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes the small complete answers the local services give. */
public final class Responses {
    private Responses() {
    }

    public static void json(Response response, Callback callback, int status, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Our API's error shape: {@code {"error":{"code","message"}}}. */
    public static void error(Response response, Callback callback, ErrorCode code,
            String message) {
        json(response, callback, code.httpStatus(), Json.write(Map.of("error",
                Map.of("code", code.code(), "message", message))));
    }

    public static void empty(Response response, Callback callback, int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.write(true, null, callback);
    }
}
