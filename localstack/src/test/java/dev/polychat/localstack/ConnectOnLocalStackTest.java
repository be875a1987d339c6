package dev.polychat.localstack;

import dev.polychat.connect.ConnectScenarios;
import dev.polychat.testkit.ChatBackend;

/** The connect scenarios of the function's own tests, on LocalStack and a PostgreSQL container. */
@RequiresDocker
class ConnectOnLocalStackTest extends ConnectScenarios {
    @Override
    protected ChatBackend backend() {
        return LocalStackBackend.shared();
    }
}
