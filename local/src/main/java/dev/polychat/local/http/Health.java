package dev.polychat.local.http;

import dev.polychat.core.error.ErrorCode;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /health}: 200 once every part is ready, 503 before that and while stopping. */
public final class Health extends Handler.Abstract {
    public static final String PATH = "/health";

    private final Readiness readiness;

    public Health(Readiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        if (readiness.isReady()) {
            Responses.json(response, callback, 200, "{\"status\":\"ok\"}");
        } else {
            Responses.error(response, callback, ErrorCode.UNAVAILABLE, "starting or stopping");
        }
        return true;
    }
}
