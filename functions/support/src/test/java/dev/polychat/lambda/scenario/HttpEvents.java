package dev.polychat.lambda.scenario;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** HTTP API (payload 2.0) requests, from a fixture of the API's catch-all route. */
public final class HttpEvents {
    private final EventFixture fixture;
    private final Map<String, String> query = new LinkedHashMap<>();

    private HttpEvents(EventFixture fixture) {
        this.fixture = fixture;
    }

    public static HttpEvents request(String fixture, String method, String path) {
        long now = System.currentTimeMillis();
        return new HttpEvents(EventFixture.load(fixture)
                .set("rawPath", path)
                .set("requestContext.http.method", method)
                .set("requestContext.http.path", path)
                .set("requestContext.requestId", UUID.randomUUID().toString())
                .set("requestContext.timeEpoch", now));
    }

    public HttpEvents bearer(String token) {
        return header("authorization", "Bearer " + token);
    }

    /** Header names arrive lower-cased from an HTTP API. */
    public HttpEvents header(String name, String value) {
        fixture.set("headers." + name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    /** Leaves the header out, as a request without it arrives. */
    public HttpEvents without(String name) {
        fixture.remove("headers." + name.toLowerCase(Locale.ROOT));
        return this;
    }

    public HttpEvents query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public HttpEvents body(String json) {
        fixture.set("body", json).set("isBase64Encoded", false);
        return this;
    }

    public APIGatewayV2HTTPEvent event() {
        if (query.isEmpty()) {
            fixture.remove("queryStringParameters").set("rawQueryString", "");
        } else {
            fixture.set("queryStringParameters", query).set("rawQueryString", query.entrySet()
                    .stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&")));
        }
        return fixture.as(APIGatewayV2HTTPEvent.class);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
