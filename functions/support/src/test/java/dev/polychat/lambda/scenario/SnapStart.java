package dev.polychat.lambda.scenario;

import dev.polychat.core.app.ChatApp;
import dev.polychat.lambda.SnapStartHooks;
import java.lang.reflect.Field;
import java.sql.Connection;
import org.crac.Context;
import org.crac.Resource;

/**
 * Drives a function's SnapStart hooks the way Lambda does around a snapshot, without a CRaC
 * JVM: the hooks are called directly with a context that registers nothing.
 */
public final class SnapStart {
    private SnapStart() {
    }

    /** A stand-in for the runtime's global context; the hooks only receive it. */
    public static final class FakeContext extends Context<Resource> {
        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
        }

        @Override
        public void register(Resource resource) {
        }
    }

    /**
     * The hooks a handler registered. Handlers keep them in a private field so CRaC's weak
     * reference stays alive; reading that field is how a test reaches them.
     */
    public static SnapStartHooks hooksOf(Object handler) {
        for (Field field : handler.getClass().getDeclaredFields()) {
            if (field.getType() == SnapStartHooks.class) {
                try {
                    field.setAccessible(true);
                    return (SnapStartHooks) field.get(handler);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read the hooks of " + handler, e);
                }
            }
        }
        throw new IllegalArgumentException(handler.getClass().getSimpleName()
                + " registers no SnapStart hooks");
    }

    /**
     * A database connection the app has used and keeps for the next call: the kind a
     * snapshot must not carry over.
     */
    public static Connection pooledConnection(ChatApp app) {
        return app.database().run("opening a connection before the snapshot", c -> {
            try (var statement = c.createStatement()) {
                statement.execute("SELECT 1");
            }
            return c;
        });
    }
}
