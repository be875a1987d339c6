package dev.polychat.localstack;

import dev.polychat.presence.PresenceScenarios;
import dev.polychat.testkit.ChatBackend;

/** The presence scenarios of the function's own tests, on LocalStack and a PostgreSQL container. */
@RequiresDocker
class PresenceOnLocalStackTest extends PresenceScenarios {
    @Override
    protected ChatBackend backend() {
        return LocalStackBackend.shared();
    }
}
