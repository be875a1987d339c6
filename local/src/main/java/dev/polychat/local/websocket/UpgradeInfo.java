package dev.polychat.local.websocket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * What API Gateway keeps of the upgrade request for the connection's events: headers, query
 * string and the caller's identity.
 */
record UpgradeInfo(
        Map<String, String> headers,
        Map<String, List<String>> multiValueHeaders,
        Map<String, String> query,
        Map<String, List<String>> multiValueQuery,
        String sourceIp,
        String userAgent,
        long connectedAt) {

    static UpgradeInfo of(Request request, long now) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>())
                    .add(field.getValue());
        }
        String sourceIp = Request.getRemoteAddr(request);
        headers.put("X-Forwarded-For", List.of(sourceIp));
        headers.put("X-Forwarded-Port", List.of(Integer.toString(Request.getServerPort(request))));
        headers.put("X-Forwarded-Proto", List.of(request.isSecure() ? "https" : "http"));

        Map<String, List<String>> query = new LinkedHashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field field : fields) {
            query.put(field.getName(), List.copyOf(field.getValues()));
        }

        String userAgent = request.getHeaders().get(HttpHeader.USER_AGENT);
        return new UpgradeInfo(lastValues(headers), copy(headers), lastValues(query), copy(query),
                sourceIp, userAgent == null ? "" : userAgent, now);
    }

    /** API Gateway's single-value maps keep the last value of a repeated name. */
    private static Map<String, String> lastValues(Map<String, List<String>> values) {
        Map<String, String> last = new LinkedHashMap<>();
        values.forEach((name, list) -> last.put(name, list.get(list.size() - 1)));
        return last;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return copy;
    }
}
