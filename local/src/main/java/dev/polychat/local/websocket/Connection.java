package dev.polychat.local.websocket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client connection as API Gateway tracks it: its id, what the upgrade request carried,
 * the authorizer's context, when it connected and when it was last active, and its socket.
 * It ends exactly once, whichever side closes first.
 */
public final class Connection {
    private final String id;
    private final UpgradeInfo upgrade;
    private final ObjectNode authorizer;
    private final EndListener onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long lastActiveAt;
    private volatile Session session;
    private volatile OutboundFrames frames;

    /** Told once when the connection ends, with the close code and reason. */
    @FunctionalInterface
    interface EndListener {
        void ended(Connection connection, int statusCode, String reason);
    }

    Connection(String id, UpgradeInfo upgrade, ObjectNode authorizer, EndListener onEnd) {
        this.id = id;
        this.upgrade = upgrade;
        this.authorizer = authorizer;
        this.onEnd = onEnd;
        this.lastActiveAt = upgrade.connectedAt();
    }

    public String id() {
        return id;
    }

    UpgradeInfo upgrade() {
        return upgrade;
    }

    /** The authorizer's context plus its principalId, sent with every route's event. */
    ObjectNode authorizer() {
        return authorizer;
    }

    public long connectedAt() {
        return upgrade.connectedAt();
    }

    public long lastActiveAt() {
        return lastActiveAt;
    }

    public String sourceIp() {
        return upgrade.sourceIp();
    }

    public String userAgent() {
        return upgrade.userAgent();
    }

    void opened(Session openedSession) {
        this.frames = new OutboundFrames(openedSession, WebSocketLimits.MAX_FRAME_BYTES);
        this.session = openedSession;
    }

    /** The client sent something: the idle clock starts again. */
    void touched(long now) {
        lastActiveAt = now;
    }

    boolean isOpen() {
        return !ended.get() && session != null;
    }

    /** Sends one text frame; fails when the connection is gone. */
    public CompletableFuture<Void> send(String text) {
        OutboundFrames out = frames;
        if (out == null || ended.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("connection " + id
                    + " is not open"));
        }
        return out.send(text);
    }

    /** Closes from the server side (DeleteConnection, idle or lifetime limits, shutdown). */
    public void close(int statusCode, String reason) {
        end(statusCode, reason);
        Session open = session;
        if (open != null && open.isOpen()) {
            open.close(statusCode, reason, Callback.NOOP);
        }
    }

    /** The socket closed (the client said so, or it broke). */
    void closed(int statusCode, String reason) {
        end(statusCode, reason);
    }

    private void end(int statusCode, String reason) {
        if (ended.compareAndSet(false, true)) {
            onEnd.ended(this, statusCode, reason);
        }
    }
}
