package dev.polychat.presence;

import dev.polychat.testkit.ChatBackend;
import dev.polychat.testkit.EmbeddedBackend;

/** The presence scenarios on this machine's embedded PostgreSQL and dynalite. */
class PresenceHandlersTest extends PresenceScenarios {
    @Override
    protected ChatBackend backend() {
        return EmbeddedBackend.shared();
    }
}
