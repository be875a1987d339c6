package dev.polychat.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.error.ErrorCode;
import dev.polychat.local.lambda.InvocationFailed;
import dev.polychat.local.lambda.LocalFunction;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on {@code /api/*}, as the CDK app routes it: {@code /api/auth/{proxy+}} to the
 * auth function and every other {@code /api/{proxy+}} to the history function.
 */
public final class HttpApi extends Handler.Abstract {
    public static final String PREFIX = "/api/";
    static final String AUTH_PREFIX = "/api/auth/";
    /** Request bodies past this are refused before any function runs. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final LocalFunction<?, ?> auth;
    private final LocalFunction<?, ?> history;

    public HttpApi(LocalFunction<?, ?> auth, LocalFunction<?, ?> history) {
        this.auth = auth;
        this.history = history;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
            throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PREFIX) && !path.equals("/api")) {
            return false;
        }
        if (path.length() <= PREFIX.length()) {
            Responses.error(response, callback, ErrorCode.NOT_FOUND, "no such route");
            return true;
        }

        Optional<byte[]> body = RequestBodies.read(request, MAX_BODY_BYTES);
        if (body.isEmpty()) {
            Responses.error(response, callback, ErrorCode.PAYLOAD_TOO_LARGE,
                    "the request body is larger than " + MAX_BODY_BYTES + " bytes");
            return true;
        }

        boolean isAuth = path.startsWith(AUTH_PREFIX) && path.length() > AUTH_PREFIX.length();
        LocalFunction<?, ?> function = isAuth ? auth : history;
        String routeKey = isAuth ? "ANY /api/auth/{proxy+}" : "ANY /api/{proxy+}";
        String proxy = path.substring(isAuth ? AUTH_PREFIX.length() : PREFIX.length());
        invoke(function, HttpApiEvents.build(request, body.get(), routeKey, proxy), response,
                callback);
        return true;
    }

    private static void invoke(LocalFunction<?, ?> function, JsonNode event, Response response,
            Callback callback) {
        JsonNode output;
        try {
            output = function.invoke(event);
        } catch (InvocationFailed e) {
            LOG.error("{} {} failed", event.path("requestContext").path("http").path("method")
                    .asText(), event.path("rawPath").asText(), e);
            internalError(response, callback);
            return;
        }
        if (!HttpApiResponses.write(output, response, callback)) {
            LOG.error("{} returned status {}, which is not an HTTP status", function.name(),
                    output.path("statusCode"));
            internalError(response, callback);
        }
    }

    private static void internalError(Response response, Callback callback) {
        Responses.error(response, callback, ErrorCode.INTERNAL, "internal error");
    }
}
