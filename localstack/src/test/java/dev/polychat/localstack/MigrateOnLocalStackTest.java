package dev.polychat.localstack;

import dev.polychat.migrate.MigrateScenarios;
import dev.polychat.testkit.ChatBackend;

/** The migrate scenarios of the function's own tests, on LocalStack and a PostgreSQL container. */
@RequiresDocker
class MigrateOnLocalStackTest extends MigrateScenarios {
    @Override
    protected ChatBackend backend() {
        return LocalStackBackend.shared();
    }
}
