package dev.polychat.localstack;

import dev.polychat.presence.PresenceScenarios;
import dev.polychat.testkit.ChatBackend;

/** The presence function's own scenarios, on LocalStack and a PostgreSQL container. */
@RequiresDocker
class PresenceOnLocalStackTest extends PresenceScenarios {
    @Override
    protected ChatBackend backend() {
        return LocalStackBackend.shared();
    }
}
