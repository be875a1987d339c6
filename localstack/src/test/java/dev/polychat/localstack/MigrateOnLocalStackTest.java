package dev.polychat.localstack;

import dev.polychat.migrate.MigrateScenarios;
import dev.polychat.testkit.ChatBackend;

/** The migrate function's own scenarios, on LocalStack and a PostgreSQL container. */
@RequiresDocker
class MigrateOnLocalStackTest extends MigrateScenarios {
    @Override
    protected ChatBackend backend() {
        return LocalStackBackend.shared();
    }
}
