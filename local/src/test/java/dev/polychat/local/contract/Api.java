package dev.polychat.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.polychat.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A REST client for the contract's routes, as a script or browser would call them. */
final class Api {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Api(URI base) {
        this.base = base;
    }

    /** What came back: the status and the JSON body (missing when there is none). */
    record Reply(int status, JsonNode json, String text) {
        String errorCode() {
            return json.path("error").path("code").asText(null);
        }

        String errorMessage() {
            return json.path("error").path("message").asText("");
        }
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    Reply post(String path, String token, String body) {
        return send(request(path, token).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    Reply raw(HttpRequest.Builder builder) {
        return send(builder);
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = MissingNode.getInstance();
            if (text != null && !text.isBlank()) {
                try {
                    json = Json.read(text);
                } catch (IOException notJson) {
                    json = MissingNode.getInstance();
                }
            }
            return new Reply(response.statusCode(), json, text);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
