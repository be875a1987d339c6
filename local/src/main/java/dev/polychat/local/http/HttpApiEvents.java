package dev.polychat.local.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polychat.core.json.Json;
import dev.polychat.local.lambda.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * Builds the HTTP API's payload format 2.0 event: header names in lower case with repeated
 * values joined by commas, cookies in their own list, decoded query parameters, and a body that
 * is base64 unless its content type is text.
 */
final class HttpApiEvents {
    static final String API_ID = "local";
    static final String STAGE = "$default";

    private HttpApiEvents() {
    }

    static ObjectNode build(Request request, byte[] body, String routeKey, String proxy) {
        long now = System.currentTimeMillis();
        String rawPath = request.getHttpURI().getPath();
        String rawQuery = request.getHttpURI().getQuery();

        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        putHeadersAndCookies(event, request);
        Map<String, String> query = queryParameters(request);
        if (!query.isEmpty()) {
            event.set("queryStringParameters", Json.mapper().valueToTree(query));
        }
        event.putObject("pathParameters").put("proxy", proxy);
        event.set("requestContext", context(request, routeKey, rawPath, now));
        putBody(event, request, body);
        return event;
    }

    private static void putHeadersAndCookies(ObjectNode event, Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        ArrayNode cookies = Json.mapper().createArrayNode();
        for (HttpField field : request.getHeaders()) {
            if (field.getHeader() == HttpHeader.COOKIE) {
                for (String cookie : field.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
                continue;
            }
            headers.merge(field.getName().toLowerCase(Locale.ROOT), field.getValue(),
                    (first, next) -> first + "," + next);
        }
        headers.putIfAbsent("x-forwarded-for", Request.getRemoteAddr(request));
        headers.putIfAbsent("x-forwarded-proto", request.isSecure() ? "https" : "http");
        headers.putIfAbsent("x-forwarded-port", Integer.toString(Request.getServerPort(request)));
        if (!cookies.isEmpty()) {
            event.set("cookies", cookies);
        }
        event.set("headers", Json.mapper().valueToTree(headers));
    }

    private static Map<String, String> queryParameters(Request request) {
        Map<String, String> query = new LinkedHashMap<>();
        Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        for (Fields.Field field : fields) {
            query.put(field.getName(), String.join(",", field.getValues()));
        }
        return query;
    }

    private static ObjectNode context(Request request, String routeKey, String rawPath,
            long now) {
        String host = Request.getServerName(request);
        ObjectNode context = Json.object();
        context.put("accountId", LocalAws.ACCOUNT_ID);
        context.put("apiId", API_ID);
        context.put("domainName", host);
        context.put("domainPrefix", host.split("\\.")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.getMethod());
        http.put("path", rawPath);
        http.put("protocol", request.getConnectionMetaData().getProtocol());
        http.put("sourceIp", Request.getRemoteAddr(request));
        String userAgent = request.getHeaders().get(HttpHeader.USER_AGENT);
        http.put("userAgent", userAgent == null ? "" : userAgent);
        context.put("requestId", LocalAws.shortId());
        context.put("routeKey", routeKey);
        context.put("stage", STAGE);
        context.put("time", LocalAws.requestTime(now));
        context.put("timeEpoch", now);
        return context;
    }

    private static void putBody(ObjectNode event, Request request, byte[] body) {
        if (body.length == 0) {
            event.put("isBase64Encoded", false);
            return;
        }
        if (isText(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
            event.put("body", new String(body, StandardCharsets.UTF_8));
            event.put("isBase64Encoded", false);
        } else {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        }
    }

    /** The content types API Gateway passes as text; everything else arrives in base64. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded");
    }
}
