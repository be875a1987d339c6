package dev.polychat.history;

import dev.polychat.testkit.ChatBackend;
import dev.polychat.testkit.EmbeddedBackend;

/** The history scenarios on this machine's embedded PostgreSQL and dynalite. */
class HistoryHandlerTest extends HistoryScenarios {
    @Override
    protected ChatBackend backend() {
        return EmbeddedBackend.shared();
    }
}
