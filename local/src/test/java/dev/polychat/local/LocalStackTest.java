package dev.polychat.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.Env;
import dev.polychat.engines.FreePort;
import dev.polychat.local.support.EventLog;
import dev.polychat.local.support.Http;
import dev.polychat.local.support.TestFunctions;
import dev.polychat.testkit.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The whole stack in this JVM, with real PostgreSQL and dynalite in a data folder of its own. */
class LocalStackTest {
    @TempDir
    Path data;

    @Test
    void handlersGetTheEndpointsAndEveryPolychatVariable() throws Exception {
        AtomicReference<Env> seen = new AtomicReference<>();
        TestFunctions functions = new TestFunctions(new EventLog());
        Settings settings = settings().env("POLYCHAT_RATE_LIMIT", "7").build();

        try (LocalStack stack = LocalStack.start(settings, env -> {
            seen.set(env);
            return functions.create(env);
        })) {
            Env env = seen.get();
            assertThat(env.asMap())
                    .containsEntry("AWS_REGION", "us-east-1")
                    .containsEntry("AWS_ACCESS_KEY_ID", "local")
                    .containsEntry("AWS_SECRET_ACCESS_KEY", "local")
                    .containsEntry("POLYCHAT_RATE_LIMIT", "7")
                    .containsEntry("POLYCHAT_CONNECTIONS_ENDPOINT",
                            "http://127.0.0.1:" + stack.port() + "/local")
                    .containsEntry("POLYCHAT_JWT_KEY_FILE",
                            data.resolve("jwt-signing.key").toString())
                    .containsKeys("POLYCHAT_DYNAMODB_ENDPOINT", "POLYCHAT_DATABASE_URL",
                            "POLYCHAT_DATABASE_USER", "POLYCHAT_DATABASE_PASSWORD");
            assertThat(env.require("POLYCHAT_DATABASE_URL")).startsWith("jdbc:postgresql://");
        }
    }

    @Test
    void aStartedStackIsHealthyWithTablesAndAPrivateSigningKey() throws Exception {
        try (LocalStack stack = LocalStack.start(settings().build(),
                new TestFunctions(new EventLog())::create)) {
            Http http = new Http(stack.baseUri());

            assertThat(http.get("/health", null).statusCode()).isEqualTo(200);
            try (DynamoDbClient dynamo = AwsClients.dynamo(stack.handlerEnv())) {
                assertThat(dynamo.listTables().tableNames()).contains("polychat-connections",
                        "polychat-subscriptions", "polychat-presence", "polychat-rate-limits");
            }
            Path key = data.resolve("jwt-signing.key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
            assertThat(Base64.getDecoder().decode(Files.readString(key))).hasSize(32);
        }
    }

    @Test
    void closingStopsDynaliteAndPostgresAndFreesThePort() {
        LocalStack stack = LocalStack.start(settings().build(),
                new TestFunctions(new EventLog())::create);
        List<ProcessHandle> children = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(data.toString()))
                .toList();
        int port = stack.port();

        stack.close();

        assertThat(children).isNotEmpty();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(FreePort.isTaken(port)).isFalse();
        assertThat(stack.isReady()).isFalse();
    }

    @Test
    void withoutADataFolderTheStackUsesATemporaryOneAndDeletesIt() {
        Settings settings = Settings.builder(Repo.root()).port(0).build();

        try (LocalStack stack = LocalStack.start(settings,
                new TestFunctions(new EventLog())::create)) {
            assertThat(settings.dataFolder().resolve("jwt-signing.key")).exists();
        }

        assertThat(settings.dataFolder()).doesNotExist();
    }

    @Test
    void usersTokensAndTheSigningKeySurviveARestart() throws Exception {
        String token;
        String key;
        try (LocalStack first = LocalStack.start(settings().build())) {
            Http http = new Http(first.baseUri());
            var registered = http.post("/api/auth/register",
                    "{\"username\":\"ada\",\"password\":\"correct horse\"}", null);
            assertThat(registered.statusCode()).isEqualTo(201);
            token = Http.json(registered).path("token").asText();
            key = Files.readString(data.resolve("jwt-signing.key"));
        }

        try (LocalStack second = LocalStack.start(settings().build())) {
            Http http = new Http(second.baseUri());
            var login = http.post("/api/auth/login",
                    "{\"username\":\"ada\",\"password\":\"correct horse\"}", null);
            JsonNode me = Http.json(http.get("/api/users/me", token));

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(me.path("user").path("username").asText()).isEqualTo("ada");
            assertThat(Files.readString(data.resolve("jwt-signing.key"))).isEqualTo(key);
        }
    }

    private Settings.Builder settings() {
        return Settings.builder(Repo.root())
                .port(0)
                .dataFolder(data)
                .scheduleInterval(Duration.ofSeconds(1));
    }
}
