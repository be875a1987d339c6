package dev.polychat.core.logging;

import java.util.Locale;
import org.slf4j.event.Level;

/**
 * How log lines look and how much is written: {@code POLYCHAT_LOG_FORMAT} ({@code json} or
 * {@code text}; JSON by default inside Lambda), {@code POLYCHAT_LOG_LEVEL} for our own code
 * (INFO) and {@code POLYCHAT_LOG_LEVEL_LIBRARIES} for everyone else's (WARN: Jetty, Flyway and
 * the embedded database narrate their start-up at INFO, which buries ours).
 */
record LogSettings(boolean json, Level threshold, Level libraryThreshold) {
    private static final String OUR_PACKAGE = "dev.polychat.";

    static LogSettings fromEnvironment() {
        String format = System.getenv("POLYCHAT_LOG_FORMAT");
        boolean inLambda = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;
        if (format != null && !format.equalsIgnoreCase("json")
                && !format.equalsIgnoreCase("text")) {
            // Logging is not up yet, so this one complaint goes straight to standard error.
            System.err.println("POLYCHAT_LOG_FORMAT must be json or text, got '" + format
                    + "'; using " + (inLambda ? "json" : "text"));
            format = null;
        }
        boolean json = format == null ? inLambda : format.equalsIgnoreCase("json");
        return new LogSettings(json, level("POLYCHAT_LOG_LEVEL", Level.INFO),
                level("POLYCHAT_LOG_LEVEL_LIBRARIES", Level.WARN));
    }

    /** The lowest level a logger of this name writes. */
    Level thresholdFor(String loggerName) {
        return loggerName.startsWith(OUR_PACKAGE) ? threshold : libraryThreshold;
    }

    private static Level level(String variable, Level defaultLevel) {
        String name = System.getenv(variable);
        if (name == null || name.isBlank()) {
            return defaultLevel;
        }
        try {
            return Level.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println(variable + " must be one of ERROR, WARN, INFO, DEBUG, TRACE, got '"
                    + name + "'; using " + defaultLevel);
            return defaultLevel;
        }
    }
}
