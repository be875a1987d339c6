package dev.polychat.lambda;

import dev.polychat.core.app.ChatApp;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda SnapStart runtime hooks for a function. Before the snapshot: prime the code paths
 * the function runs, so the snapshot holds loaded and initialised classes, then drop database
 * connections (a restored snapshot must not reuse a socket from the past). After restore:
 * drop connections again, in case priming opened one after the checkpoint began.
 *
 * <p>Random values (UUIDs, token ids, bcrypt salts) come from {@link java.security.SecureRandom},
 * which Lambda makes safe across restores; nothing here caches a random seed. Credentials
 * come from the default provider chain and are fetched fresh after restore.
 */
public final class SnapStartHooks implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartHooks.class);

    private final ChatApp app;
    private final Runnable priming;

    private SnapStartHooks(ChatApp app, Runnable priming) {
        this.app = app;
        this.priming = priming;
    }

    /**
     * Registers the hooks. The caller keeps the returned object in a field: CRaC holds
     * resources weakly, so an unreferenced one would be collected and never called.
     */
    public static SnapStartHooks register(ChatApp app, Runnable priming) {
        SnapStartHooks hooks = new SnapStartHooks(app, priming);
        Core.getGlobalContext().register(hooks);
        return hooks;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            priming.run();
        } catch (RuntimeException e) {
            LOG.warn("priming before the snapshot failed; the snapshot is taken anyway", e);
        }
        app.closeDatabaseConnections();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        app.closeDatabaseConnections();
        LOG.info("restored from snapshot");
    }
}
