package dev.polychat.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads a request body up to a limit, as API Gateway refuses payloads over its quota. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** The body, or empty when it is longer than {@code limit} bytes. */
    public static Optional<byte[]> read(Request request, int limit) throws IOException {
        long declared = request.getLength();
        if (declared > limit) {
            return Optional.empty();
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? Optional.empty() : Optional.of(body);
        }
    }
}
