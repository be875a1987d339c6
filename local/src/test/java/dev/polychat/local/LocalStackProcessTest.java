package dev.polychat.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polychat.engines.FreePort;
import dev.polychat.local.support.StackProcess;
import dev.polychat.testkit.Repo;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./polychat up} as a developer meets it: a JVM of its own, its output, its exit. */
class LocalStackProcessTest {
    @TempDir
    Path data;

    @TempDir
    Path logs;

    @Test
    void aTakenPortFailsWithOneClearLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                StackProcess stack = StackProcess.start(Repo.root(), logs,
                        env(Map.of("POLYCHAT_PORT", Integer.toString(taken.getLocalPort()))))) {
            int exit = stack.awaitExit();

            assertThat(exit).isEqualTo(1);
            assertThat(stack.stderrLines()).containsExactly("polychat: port "
                    + taken.getLocalPort() + " on 127.0.0.1 is already in use; stop what uses"
                    + " it or set POLYCHAT_PORT to another port");
        }
    }

    @Test
    void aBadVariableFailsWithOneLineNamingIt() throws Exception {
        try (StackProcess stack = StackProcess.start(Repo.root(), logs,
                env(Map.of("POLYCHAT_SCHEDULE_SECONDS", "often")))) {
            assertThat(stack.awaitExit()).isEqualTo(1);
            assertThat(stack.stderrLines()).containsExactly("polychat: POLYCHAT_SCHEDULE_SECONDS"
                    + " must be a whole number, got 'often'");
        }
    }

    @Test
    void aMissingNodeFailsWithOneLineSayingWhatToInstall() throws Exception {
        Map<String, String> env = env(Map.of());
        env.put("PATH", logs.toString());
        try (StackProcess stack = StackProcess.start(Repo.root(), logs, env)) {
            assertThat(stack.awaitExit()).isEqualTo(1);
            List<String> errors = stack.stderrLines();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).startsWith("polychat: Node.js was not found on PATH");
        }
    }

    @Test
    void sigtermStopsEveryChildProcessAndFreesThePort() throws Exception {
        int port = FreePort.find();
        try (StackProcess stack = StackProcess.start(Repo.root(), logs,
                env(Map.of("POLYCHAT_PORT", Integer.toString(port))))) {
            assertThat(stack.awaitUp()).isEqualTo("PolyChat is up: http://localhost:" + port + "/");
            assertThat(health(port)).isEqualTo(200);
            List<ProcessHandle> children = stack.handle().descendants().toList();

            stack.terminate();

            assertThat(stack.awaitExit()).isNotEqualTo(0);
            assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
            assertThat(FreePort.isTaken(port)).isFalse();
            assertThat(stack.stdoutLines()).anyMatch(line -> line.contains("PostgreSQL"))
                    .anyMatch(line -> line.contains("DynamoDB"));
        }
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("POLYCHAT_DATA", data.toString());
        env.put("POLYCHAT_PORT", Integer.toString(FreePort.find()));
        env.putAll(extra);
        return env;
    }

    private static int health(int port) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
