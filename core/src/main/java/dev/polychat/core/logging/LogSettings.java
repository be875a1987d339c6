package dev.polychat.core.logging;

import java.util.Locale;
import org.slf4j.event.Level;

/**
 * How log lines look and how much is written: {@code POLYCHAT_LOG_FORMAT} ({@code json} or
 * {@code text}; JSON by default inside Lambda) and {@code POLYCHAT_LOG_LEVEL} (INFO).
 */
record LogSettings(boolean json, Level threshold) {

    static LogSettings fromEnvironment() {
        String format = System.getenv("POLYCHAT_LOG_FORMAT");
        boolean inLambda = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;
        boolean json = format == null ? inLambda : format.equalsIgnoreCase("json");
        return new LogSettings(json, level(System.getenv("POLYCHAT_LOG_LEVEL")));
    }

    private static Level level(String name) {
        if (name == null || name.isBlank()) {
            return Level.INFO;
        }
        try {
            return Level.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
