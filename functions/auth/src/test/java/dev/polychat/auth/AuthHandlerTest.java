package dev.polychat.auth;

import dev.polychat.testkit.ChatBackend;
import dev.polychat.testkit.EmbeddedBackend;

/** The auth scenarios on this machine's embedded PostgreSQL and dynalite. */
class AuthHandlerTest extends AuthScenarios {
    @Override
    protected ChatBackend backend() {
        return EmbeddedBackend.shared();
    }
}
