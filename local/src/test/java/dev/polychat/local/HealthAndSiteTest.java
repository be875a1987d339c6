package dev.polychat.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polychat.local.websocket.WebSocketLimits;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthAndSiteTest {
    @TempDir
    Path dist;

    @Test
    void healthIs503UntilEveryPartIsReadyThen200() throws Exception {
        try (GatewayHarness gateway = new GatewayHarness()) {
            HttpResponse<String> starting = get(gateway, "/health");
            gateway.readiness.markReady();
            HttpResponse<String> ready = get(gateway, "/health");

            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"ok\"}");
        }
    }

    @Test
    void theBuiltWebAppIsServedWithItsContentTypes() throws Exception {
        Files.writeString(dist.resolve("index.html"), "<html>app</html>");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/app-1234.js"), "console.log(1)");
        Files.writeString(dist.resolve("assets/app-1234.css"), "body{}");
        Files.write(dist.resolve("favicon.svg"), "<svg/>".getBytes());

        try (GatewayHarness gateway = new GatewayHarness(WebSocketLimits.apiGateway(), dist)) {
            HttpResponse<String> root = get(gateway, "/");
            HttpResponse<String> script = get(gateway, "/assets/app-1234.js");

            assertThat(root.body()).isEqualTo("<html>app</html>");
            assertThat(root.headers().firstValue("content-type")).hasValue(
                    "text/html;charset=utf-8");
            assertThat(script.body()).isEqualTo("console.log(1)");
            assertThat(script.headers().firstValue("content-type").orElseThrow())
                    .contains("javascript");
            assertThat(script.headers().firstValue("cache-control").orElseThrow())
                    .contains("immutable");
            assertThat(get(gateway, "/assets/app-1234.css").headers()
                    .firstValue("content-type").orElseThrow()).startsWith("text/css");
            assertThat(get(gateway, "/favicon.svg").headers()
                    .firstValue("content-type").orElseThrow()).startsWith("image/svg+xml");
        }
    }

    @Test
    void appRoutesGetIndexHtmlAndMissingFilesGet404() throws Exception {
        Files.writeString(dist.resolve("index.html"), "<html>app</html>");

        try (GatewayHarness gateway = new GatewayHarness(WebSocketLimits.apiGateway(), dist)) {
            assertThat(get(gateway, "/rooms/abc").body()).isEqualTo("<html>app</html>");
            assertThat(get(gateway, "/missing.png").statusCode()).isEqualTo(404);
            assertThat(get(gateway, "/../../etc/passwd").statusCode()).isNotEqualTo(200);
        }
    }

    @Test
    void configJsonPointsAtThisStackUnlessTheBuildWroteOne() throws Exception {
        Files.writeString(dist.resolve("index.html"), "<html>app</html>");
        try (GatewayHarness gateway = new GatewayHarness(WebSocketLimits.apiGateway(), dist)) {
            HttpResponse<String> generated = get(gateway, "/config.json");
            Files.writeString(dist.resolve("config.json"), "{\"apiBaseUrl\":\"/custom\"}");
            HttpResponse<String> built = get(gateway, "/config.json");

            assertThat(generated.body())
                    .isEqualTo("{\"apiBaseUrl\":\"/api\",\"webSocketUrl\":\"/ws\"}");
            assertThat(generated.headers().firstValue("content-type").orElseThrow())
                    .startsWith("application/json");
            assertThat(built.body()).isEqualTo("{\"apiBaseUrl\":\"/custom\"}");
        }
    }

    @Test
    void withoutABuildAPageSaysHowToMakeOne() throws Exception {
        try (GatewayHarness gateway = new GatewayHarness()) {
            HttpResponse<String> page = get(gateway, "/");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("./polychat build");
            assertThat(get(gateway, "/config.json").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPlainRequestToTheWebSocketPathAsksForAnUpgrade() throws Exception {
        try (GatewayHarness gateway = new GatewayHarness()) {
            assertThat(get(gateway, "/ws").statusCode()).isEqualTo(426);
        }
    }

    private static HttpResponse<String> get(GatewayHarness gateway, String path)
            throws Exception {
        return gateway.http.send(HttpRequest.newBuilder(gateway.http(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
