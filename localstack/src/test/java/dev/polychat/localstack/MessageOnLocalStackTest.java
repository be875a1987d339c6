package dev.polychat.localstack;

import dev.polychat.message.MessageScenarios;
import dev.polychat.testkit.ChatBackend;

/** The message function's own scenarios, on LocalStack and a PostgreSQL container. */
@RequiresDocker
class MessageOnLocalStackTest extends MessageScenarios {
    @Override
    protected ChatBackend backend() {
        return LocalStackBackend.shared();
    }
}
