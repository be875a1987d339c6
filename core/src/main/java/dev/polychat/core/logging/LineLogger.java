package dev.polychat.core.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** Writes one line per event to standard error, as JSON or as readable text. */
final class LineLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final PrintStream OUT = System.err;

    private final transient LogSettings settings;
    private final transient Level threshold;
    private final String shortName;

    LineLogger(String name, LogSettings settings) {
        this.name = name;
        this.settings = settings;
        this.threshold = settings.thresholdFor(name);
        this.shortName = name.substring(name.lastIndexOf('.') + 1);
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
            Object[] arguments, Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        String line = settings.json()
                ? jsonLine(level, message, throwable)
                : textLine(level, message, throwable);
        OUT.println(line);
    }

    private String textLine(Level level, String message, Throwable throwable) {
        StringBuilder line = new StringBuilder(96)
                .append(LocalTime.now(ZoneId.systemDefault()).format(CLOCK)).append(' ')
                .append(String.format("%-5s", level)).append(' ')
                .append(shortName).append(": ").append(message);
        if (throwable != null) {
            line.append(System.lineSeparator()).append(stackTrace(throwable));
        }
        return line.toString();
    }

    private String jsonLine(Level level, String message, Throwable throwable) {
        StringBuilder line = new StringBuilder(160).append('{');
        field(line, "timestamp", Instant.now().toString()).append(',');
        field(line, "level", level.toString()).append(',');
        field(line, "logger", name).append(',');
        field(line, "message", message);
        if (throwable != null) {
            line.append(',');
            field(line, "error", throwable.getClass().getName()).append(',');
            field(line, "stackTrace", stackTrace(throwable));
        }
        return line.append('}').toString();
    }

    private static StringBuilder field(StringBuilder line, String key, String value) {
        line.append('"').append(key).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.append('"');
    }

    private static String stackTrace(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString().stripTrailing();
    }
}
