package dev.polychat.local.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the built web app from {@code web/dist}. Paths without a file extension that name no
 * file get {@code index.html}, so the single-page app's own routes load; {@code config.json}
 * comes from dist when the build wrote one, else it points the app at this stack. Without a
 * build, a short page says how to make one.
 */
public final class StaticSite extends Handler.Abstract {
    static final String CONFIG = "/config.json";
    static final String LOCAL_CONFIG = "{\"apiBaseUrl\":\"/api\",\"webSocketUrl\":\"/ws\"}";
    private static final String NOT_BUILT = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>PolyChat</title></head>
            <body><h1>PolyChat is running</h1>
            <p>The web app has not been built yet. Run <code>./polychat build</code> in the
            project folder, then reload this page. The API is already up at
            <code>/api</code> and the WebSocket at <code>/ws</code>.</p></body></html>
            """;
    /** Vite puts content-hashed files here; they never change under the same name. */
    private static final String HASHED_ASSETS = "/assets/";

    private final Path dist;

    public StaticSite(Path dist) {
        this.dist = dist.toAbsolutePath().normalize();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
            throws IOException {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            return false;
        }
        String path = Request.getPathInContext(request);
        boolean head = HttpMethod.HEAD.is(method);

        Path file = resolve(path);
        if (file != null) {
            send(response, callback, head, contentType(file), cacheControl(path),
                    Files.readAllBytes(file));
        } else if (CONFIG.equals(path)) {
            send(response, callback, head, "application/json", "no-cache",
                    LOCAL_CONFIG.getBytes(StandardCharsets.UTF_8));
        } else if (hasExtension(path)) {
            return false;
        } else if (Files.isRegularFile(dist.resolve("index.html"))) {
            send(response, callback, head, "text/html;charset=utf-8", "no-cache",
                    Files.readAllBytes(dist.resolve("index.html")));
        } else {
            send(response, callback, head, "text/html;charset=utf-8", "no-cache",
                    NOT_BUILT.getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    /** The file under dist that the path names, or null; never anything outside dist. */
    private Path resolve(String path) {
        if (path.endsWith("/")) {
            return null;
        }
        Path file = dist.resolve(path.substring(1)).normalize();
        return file.startsWith(dist) && Files.isRegularFile(file) ? file : null;
    }

    private static boolean hasExtension(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".");
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = MimeTypes.DEFAULTS.getMimeByExtension(name);
        if (type == null) {
            return "application/octet-stream";
        }
        boolean text = type.startsWith("text/") || type.equals("application/json")
                || type.equals("image/svg+xml") || type.endsWith("javascript");
        return text && !type.contains("charset") ? type + ";charset=utf-8" : type;
    }

    private static String cacheControl(String path) {
        return path.startsWith(HASHED_ASSETS) ? "public, max-age=31536000, immutable"
                : "no-cache";
    }

    private static void send(Response response, Callback callback, boolean head,
            String contentType, String cacheControl, byte[] body) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, cacheControl);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
    }
}
