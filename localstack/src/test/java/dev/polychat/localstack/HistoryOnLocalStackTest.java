package dev.polychat.localstack;

import dev.polychat.history.HistoryScenarios;
import dev.polychat.testkit.ChatBackend;

/** The history function's own scenarios, on LocalStack and a PostgreSQL container. */
@RequiresDocker
class HistoryOnLocalStackTest extends HistoryScenarios {
    @Override
    protected ChatBackend backend() {
        return LocalStackBackend.shared();
    }
}
