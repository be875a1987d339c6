package dev.polychat.localstack;

import dev.polychat.connect.ConnectScenarios;
import dev.polychat.testkit.ChatBackend;

/** The connect function's own scenarios, on LocalStack and a PostgreSQL container. */
@RequiresDocker
class ConnectOnLocalStackTest extends ConnectScenarios {
    @Override
    protected ChatBackend backend() {
        return LocalStackBackend.shared();
    }
}
