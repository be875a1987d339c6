package dev.polychat.connect;

import dev.polychat.testkit.ChatBackend;
import dev.polychat.testkit.EmbeddedBackend;

/** The connect scenarios on this machine's embedded PostgreSQL and dynalite. */
class ConnectHandlerTest extends ConnectScenarios {
    @Override
    protected ChatBackend backend() {
        return EmbeddedBackend.shared();
    }
}
