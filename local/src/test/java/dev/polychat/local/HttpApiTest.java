package dev.polychat.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpApiTest {
    private final GatewayHarness gateway = new GatewayHarness();

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void theHandlerGetsAPayloadFormat2Event() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        gateway.http("/api/rooms/r1/messages?before=10&limit=5&tag=a&tag=b"))
                .header("X-Custom-Header", "one")
                .header("Cookie", "first=1; second=2")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"général\"}"))
                .build();

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(201);
        APIGatewayV2HTTPEvent event = gateway.events.http.get(0);
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("ANY /api/{proxy+}");
        assertThat(event.getRawPath()).isEqualTo("/api/rooms/r1/messages");
        assertThat(event.getRawQueryString()).isEqualTo("before=10&limit=5&tag=a&tag=b");
        assertThat(event.getQueryStringParameters())
                .containsEntry("before", "10").containsEntry("limit", "5")
                .containsEntry("tag", "a,b");
        assertThat(event.getPathParameters()).containsEntry("proxy", "rooms/r1/messages");
        assertThat(event.getHeaders())
                .containsEntry("x-custom-header", "one")
                .containsEntry("content-type", "application/json")
                .doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("first=1", "second=2");
        assertThat(event.getBody()).isEqualTo("{\"name\":\"général\"}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        var http = event.getRequestContext().getHttp();
        assertThat(http.getMethod()).isEqualTo("POST");
        assertThat(http.getPath()).isEqualTo("/api/rooms/r1/messages");
        assertThat(http.getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(http.getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(http.getUserAgent()).startsWith("Java-http-client");
        assertThat(event.getRequestContext().getTimeEpoch()).isPositive();
        assertThat(event.getRequestContext().getRequestId()).isNotBlank();
    }

    @Test
    void theResponsesStatusHeadersCookiesAndBodyReachTheClient() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.http("/api/rooms"))
                .GET().build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-test")).hasValue("yes");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().allValues("set-cookie")).containsExactly(
                "session=abc; Path=/");
        JsonNode echoed = Json.read(response.body());
        assertThat(echoed.path("rawPath").asText()).isEqualTo("/api/rooms");
        assertThat(echoed.has("body")).isFalse();
    }

    @Test
    void aBinaryBodyArrivesInBase64() throws Exception {
        send(HttpRequest.newBuilder(gateway.http("/api/files"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 255}))
                .build());

        APIGatewayV2HTTPEvent event = gateway.events.http.get(0);
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(event.getBody()).isEqualTo("AAEC/w==");
    }

    @Test
    void authRoutesGoToTheAuthFunction() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                gateway.http("/api/auth/login")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

        assertThat(response.body()).isEqualTo("auth:/api/auth/login");
        assertThat(gateway.events.http.get(0).getRouteKey())
                .isEqualTo("ANY /api/auth/{proxy+}");
        assertThat(gateway.events.http.get(0).getPathParameters()).containsEntry("proxy", "login");
    }

    @Test
    void aBodyOver1MbIsRefusedWith413WithoutInvokingTheHandler() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.http("/api/rooms"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(1024 * 1024 + 1)))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Json.read(response.body()).path("error").path("code").asText())
                .isEqualTo("payload_too_large");
        assertThat(gateway.events.http).isEmpty();
    }

    @Test
    void aHandlerThatThrowsIsA500InOurErrorShape() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.http("/api/boom"))
                .GET().build());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(Json.read(response.body()))
                .isEqualTo(Json.read("{\"error\":{\"code\":\"internal\","
                        + "\"message\":\"internal error\"}}"));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return gateway.http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
