package dev.polychat.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * The condition behind {@link RequiresDocker}. Where nothing points at a Docker engine (no
 * {@code DOCKER_HOST}, no Testcontainers settings, no socket in the usual places) it says so
 * in one line; otherwise it asks Testcontainers, once per JVM.
 */
final class DockerCondition implements ExecutionCondition {
    static final String SKIPPED = "LocalStack tests skipped: no Docker engine found"
            + " (they start LocalStack and PostgreSQL containers; see localstack/README.md)";

    private static final AtomicBoolean TOLD = new AtomicBoolean();
    private static Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (dockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        }
        if (TOLD.compareAndSet(false, true)) {
            System.err.println(SKIPPED);
        }
        return ConditionEvaluationResult.disabled(SKIPPED);
    }

    private static synchronized boolean dockerAvailable() {
        if (available == null) {
            // Testcontainers' own search logs a page of errors when it finds nothing.
            available = anEngineMayBeThere() && DockerClientFactory.instance()
                    .isDockerAvailable();
        }
        return available;
    }

    private static boolean anEngineMayBeThere() {
        String home = System.getProperty("user.home");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        List<Path> places = List.of(Path.of("/var/run/docker.sock"),
                Path.of(home, ".testcontainers.properties"),
                Path.of(home, ".docker/run/docker.sock"),
                Path.of(home, ".docker/desktop/docker.sock"),
                Path.of(home, ".colima/default/docker.sock"),
                Path.of(runtime == null ? "/run/user/0" : runtime, "docker.sock"));
        return System.getenv("DOCKER_HOST") != null || places.stream().anyMatch(Files::exists);
    }
}
