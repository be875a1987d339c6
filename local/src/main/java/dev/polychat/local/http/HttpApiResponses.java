package dev.polychat.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Turns a payload format 2.0 response into the HTTP answer: status, headers (single and
 * multi-value), cookies as Set-Cookie, and the body, decoded when it is base64. A response
 * without a status code is, as in API Gateway, a 200 whose JSON is the body.
 */
final class HttpApiResponses {
    private HttpApiResponses() {
    }

    /** True when the response could be written; false when it is malformed. */
    static boolean write(JsonNode output, Response response, Callback callback) {
        if (!output.isObject() || !output.has("statusCode")) {
            write(response, callback, 200, Map.of("content-type", "application/json"),
                    output.toString().getBytes(StandardCharsets.UTF_8));
            return true;
        }
        int status = output.path("statusCode").asInt(0);
        if (status < 100 || status > 599) {
            return false;
        }

        for (Map.Entry<String, JsonNode> header : output.path("headers").properties()) {
            response.getHeaders().put(header.getKey(), header.getValue().asText());
        }
        for (Map.Entry<String, JsonNode> header : output.path("multiValueHeaders").properties()) {
            for (JsonNode value : header.getValue()) {
                response.getHeaders().add(header.getKey(), value.asText());
            }
        }
        for (JsonNode cookie : output.path("cookies")) {
            response.getHeaders().add(HttpHeader.SET_COOKIE, cookie.asText());
        }
        write(response, callback, status, Map.of(), body(output));
        return true;
    }

    private static byte[] body(JsonNode output) {
        JsonNode body = output.path("body");
        if (body.isMissingNode() || body.isNull()) {
            return new byte[0];
        }
        if (output.path("isBase64Encoded").asBoolean(false)) {
            return Base64.getDecoder().decode(body.asText());
        }
        return body.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Response response, Callback callback, int status,
            Map<String, String> headers, byte[] body) {
        response.setStatus(status);
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
