package dev.polychat.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.polychat.core.app.ChatApp;
import dev.polychat.core.config.Env;
import dev.polychat.lambda.scenario.SnapStart;
import dev.polychat.testkit.EmbeddedBackend;
import java.sql.Connection;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The hooks around a SnapStart snapshot, called as Lambda calls them. */
class SnapStartHooksTest {
    private final ChatApp app = new ChatApp(Env.of(EmbeddedBackend.shared().environment()),
            Clock.systemUTC());
    private final SnapStart.FakeContext context = new SnapStart.FakeContext();

    @Test
    void beforeTheSnapshotThePrimingRunsAndAConnectionOpenedBeforeIsClosed() throws Exception {
        AtomicInteger primed = new AtomicInteger();
        SnapStartHooks hooks = SnapStartHooks.register(app, primed::incrementAndGet);
        Connection opened = SnapStart.pooledConnection(app);

        hooks.beforeCheckpoint(context);

        assertThat(primed).hasValue(1);
        assertThat(opened.isClosed()).isTrue();
    }

    @Test
    void aPrimingThatFailsDoesNotStopTheSnapshotAndConnectionsAreStillDropped()
            throws Exception {
        SnapStartHooks hooks = SnapStartHooks.register(app, () -> {
            throw new IllegalStateException("priming broke");
        });
        Connection opened = SnapStart.pooledConnection(app);

        assertThatCode(() -> hooks.beforeCheckpoint(context)).doesNotThrowAnyException();

        assertThat(opened.isClosed()).isTrue();
    }

    @Test
    void afterARestoreAConnectionFromBeforeIsDroppedAndTheNextCallOpensAFreshOne()
            throws Exception {
        SnapStartHooks hooks = SnapStartHooks.register(app, () -> { });
        hooks.beforeCheckpoint(context);
        Connection openedMeanwhile = SnapStart.pooledConnection(app);

        hooks.afterRestore(context);
        Connection afterRestore = SnapStart.pooledConnection(app);

        assertThat(openedMeanwhile.isClosed()).isTrue();
        assertThat(afterRestore).isNotSameAs(openedMeanwhile);
        assertThat(afterRestore.isValid(2)).isTrue();
    }
}
