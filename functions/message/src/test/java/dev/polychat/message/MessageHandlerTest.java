package dev.polychat.message;

import dev.polychat.testkit.ChatBackend;
import dev.polychat.testkit.EmbeddedBackend;

/** The message scenarios on this machine's embedded PostgreSQL and dynalite. */
class MessageHandlerTest extends MessageScenarios {
    @Override
    protected ChatBackend backend() {
        return EmbeddedBackend.shared();
    }
}
