package dev.polychat.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polychat.core.config.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final Path HOME = Path.of("/srv/polychat");

    @Test
    void withNothingSetTheStackUsesItsDefaults() {
        Settings settings = Settings.fromEnvironment(Map.of("HOME", "/root"), HOME);

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dataFolder()).isEqualTo(HOME.resolve(".polychat"));
        assertThat(settings.dynamoEndpoint()).isEmpty();
        assertThat(settings.database()).isEmpty();
        assertThat(settings.scheduleInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.webSocketLimits().idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.webSocketLimits().maxLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.handlerEnv()).isEmpty();
    }

    @Test
    void everyPolychatVariableIsPassedToTheHandlersAndNothingElse() {
        Settings settings = Settings.fromEnvironment(Map.of(
                "POLYCHAT_RATE_LIMIT", "5", "POLYCHAT_BCRYPT_COST", "4", "AWS_PROFILE", "prod"),
                HOME);

        assertThat(settings.handlerEnv()).containsOnly(Map.entry("POLYCHAT_RATE_LIMIT", "5"),
                Map.entry("POLYCHAT_BCRYPT_COST", "4"));
    }

    @Test
    void ownServersReplaceTheEmbeddedOnes() {
        Settings settings = Settings.fromEnvironment(Map.of(
                "POLYCHAT_DYNAMODB_ENDPOINT", "http://127.0.0.1:8000",
                "POLYCHAT_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/chat",
                "POLYCHAT_DATABASE_USER", "chat",
                "POLYCHAT_DATA", "/tmp/chat-data",
                "POLYCHAT_WS_IDLE_SECONDS", "3",
                "POLYCHAT_WS_MAX_LIFETIME_SECONDS", "30"), HOME);

        assertThat(settings.dynamoEndpoint()).contains(URI.create("http://127.0.0.1:8000"));
        assertThat(settings.database()).contains(new Settings.Database(
                "jdbc:postgresql://127.0.0.1:5432/chat", "chat", ""));
        assertThat(settings.dataFolder()).isEqualTo(Path.of("/tmp/chat-data"));
        assertThat(settings.webSocketLimits().idleTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.webSocketLimits().maxLifetime()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badValuesAreRefusedNamingTheVariable() {
        assertRefused(Map.of("POLYCHAT_PORT", "80800"), "POLYCHAT_PORT must be between 1 and"
                + " 65535, got 80800");
        assertRefused(Map.of("POLYCHAT_SCHEDULE_SECONDS", "0"), "POLYCHAT_SCHEDULE_SECONDS");
        assertRefused(Map.of("POLYCHAT_DYNAMODB_ENDPOINT", "localhost"),
                "POLYCHAT_DYNAMODB_ENDPOINT must be an absolute URL");
        assertRefused(Map.of("POLYCHAT_DATABASE_URL", "postgres://x/y"),
                "POLYCHAT_DATABASE_URL must be a PostgreSQL JDBC URL");
        assertRefused(Map.of("POLYCHAT_DATABASE_URL", "jdbc:postgresql://x/y"),
                "POLYCHAT_DATABASE_USER is required");
    }

    private static void assertRefused(Map<String, String> env, String message) {
        assertThatThrownBy(() -> Settings.fromEnvironment(env, HOME))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }
}
