package dev.polychat.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.auth.TokenService;
import dev.polychat.core.domain.Identity;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.error.ErrorCode;
import dev.polychat.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;

/** The HTTP API side (payload format 2.0): requests in, JSON answers out. */
public final class HttpCalls {
    private static final Map<String, String> JSON_HEADERS = Map.of(
            "content-type", "application/json; charset=utf-8",
            "cache-control", "no-store");

    private HttpCalls() {
    }

    public static String method(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext().getHttp().getMethod();
    }

    public static String path(APIGatewayV2HTTPEvent event) {
        String path = event.getRawPath();
        return path == null ? "/" : path;
    }

    public static String header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        return headers == null ? null : headers.get(name);
    }

    public static String query(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> params = event.getQueryStringParameters();
        return params == null ? null : params.get(name);
    }

    public static JsonNode jsonBody(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return Frames.object(body, "body");
    }

    /** The caller proven by the bearer token, or 401. */
    public static Identity caller(APIGatewayV2HTTPEvent event, TokenService tokens) {
        String header = header(event, "authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ChatException.unauthorized();
        }
        return tokens.verify(header.substring(7).strip())
                .orElseThrow(ChatException::unauthorized);
    }

    /** A whole number query parameter within bounds, or the default when absent. */
    public static Long number(APIGatewayV2HTTPEvent event, String name, long min, long max) {
        String raw = query(event, name);
        if (raw == null) {
            return null;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < min || value > max) {
                throw ChatException.badRequest(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ChatException.badRequest(name, "must be a whole number");
        }
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(JSON_HEADERS)
                .withBody(Json.write(body))
                .build();
    }

    public static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204)
                .withHeaders(Map.of("cache-control", "no-store")).build();
    }

    /** Contract errors as they are; anything else logged once and answered as 500 internal. */
    public static APIGatewayV2HTTPResponse error(RuntimeException failure,
            APIGatewayV2HTTPEvent event, Logger log) {
        ChatException error;
        if (failure instanceof ChatException chat && chat.code() != ErrorCode.INTERNAL) {
            error = chat;
        } else {
            log.error("{} {} failed", method(event), path(event), failure);
            error = new ChatException(ErrorCode.INTERNAL, "internal error; try again");
        }
        var body = Json.object();
        body.putObject("error").put("code", error.code().code()).put("message",
                error.getMessage());
        return json(error.code().httpStatus(), body);
    }

    public static ChatException unknownRoute() {
        return new ChatException(ErrorCode.NOT_FOUND, "no such route");
    }
}
