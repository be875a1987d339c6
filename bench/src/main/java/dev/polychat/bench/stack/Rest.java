package dev.polychat.bench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The REST calls the load parts need, as a client makes them over loopback. */
public final class Rest {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    public Rest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A registered user: id and token. */
    public record User(String id, String username, String token) {
    }

    public User register(String username) {
        JsonNode answer = call("POST", "/api/auth/register", null, Json.write(java.util.Map.of(
                "username", username, "password", "bench-password-1")), 201);
        return new User(answer.path("user").path("id").asText(), username,
                answer.path("token").asText());
    }

    public String createRoom(User owner, String name) {
        return call("POST", "/api/rooms", owner.token(), Json.write(java.util.Map.of(
                "name", name)), 201).path("room").path("id").asText();
    }

    public void join(User user, String roomId) {
        call("POST", "/api/rooms/" + roomId + "/members", user.token(), "", 200);
    }

    /** Posts a frame to the stack's floor hook; answers how many sockets it reached. */
    public int floor(String frame) {
        return call("POST", "/local/bench/floor", null, frame, 200).path("sent").asInt();
    }

    private JsonNode call(String method, String path, String token, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? Json.object() : Json.read(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }
}
