package dev.polychat.bench.coldstart;

import java.util.List;

/** The deployable functions, each with the handler its cold start is measured through. */
public final class ColdStartFunctions {
    public static final List<String> NAMES =
            List.of("auth", "connect", "message", "presence", "history", "migrate");

    private ColdStartFunctions() {
    }

    public static String handlerOf(String function) {
        return switch (function) {
            case "auth" -> "dev.polychat.auth.AuthHandler";
            case "connect" -> "dev.polychat.connect.ConnectHandler";
            case "message" -> "dev.polychat.message.MessageHandler";
            case "presence" -> "dev.polychat.presence.HeartbeatHandler";
            case "history" -> "dev.polychat.history.HistoryHandler";
            case "migrate" -> "dev.polychat.migrate.MigrateHandler";
            default -> throw new IllegalArgumentException("unknown function " + function);
        };
    }

    /** What a successful answer contains, so a failed invocation is never timed as a start. */
    public static String expectedIn(String function) {
        return switch (function) {
            case "auth", "history", "connect" -> "statusCode=200";
            case "message" -> "\"ack\"";
            case "presence" -> "\"pong\"";
            case "migrate" -> "schemaVersion";
            default -> throw new IllegalArgumentException("unknown function " + function);
        };
    }
}
