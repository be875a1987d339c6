package dev.polychat.presence;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.core.service.PresenceService;
import dev.polychat.lambda.SnapStartHooks;

/**
 * The scheduled presence sweep: users whose heartbeats stopped without a close (a laptop lid
 * shut, a network gone) are marked offline and announced to their rooms.
 */
public final class SweepHandler implements RequestHandler<ScheduledEvent, Void> {
    private final ChatApp app;
    private final PresenceService presence;
    private final SnapStartHooks hooks;

    public SweepHandler() {
        this(Env.system());
    }

    public SweepHandler(Env env) {
        this.app = ChatApp.shared(env);
        app.requirePostingConfig();
        this.presence = app.presence();
        this.hooks = SnapStartHooks.register(app, () -> app.database());
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        presence.sweep(app.clock().instant());
        return null;
    }
}
