package dev.polychat.localstack;

import dev.polychat.auth.AuthScenarios;
import dev.polychat.testkit.ChatBackend;

/** The auth function's own scenarios, on LocalStack and a PostgreSQL container. */
@RequiresDocker
class AuthOnLocalStackTest extends AuthScenarios {
    @Override
    protected ChatBackend backend() {
        return LocalStackBackend.shared();
    }
}
