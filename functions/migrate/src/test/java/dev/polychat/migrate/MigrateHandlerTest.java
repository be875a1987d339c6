package dev.polychat.migrate;

import dev.polychat.testkit.ChatBackend;
import dev.polychat.testkit.EmbeddedBackend;

/** The migrate scenarios on this machine's embedded PostgreSQL. */
class MigrateHandlerTest extends MigrateScenarios {
    @Override
    protected ChatBackend backend() {
        return EmbeddedBackend.shared();
    }
}
