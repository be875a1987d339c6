package dev.polychat.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.polychat.bench.events.LambdaEvents;
import java.util.Map;

/**
 * Runs in a fresh JVM beside one function's deployable jar: loads the handler class by name,
 * builds a representative event, calls {@code handleRequest} once and prints how long that
 * took since the JVM started, then what the handler answered. It touches nothing but the JDK
 * and what the function jar holds, so it pays exactly the function's own cold start.
 *
 * <p>Arguments: the function name. The fixture (user, token, room) comes in {@code BENCH_*}
 * environment variables, beside the function's own configuration.
 */
public final class ColdStartLauncher {
    /** The line the parent waits for: "cold-start-done <ms since JVM start> <answer>". */
    public static final String DONE = "cold-start-done";

    private ColdStartLauncher() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        String function = args[0];
        Object event = event(function);
        Class<?> type = Class.forName(ColdStartFunctions.handlerOf(function));
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> handler =
                (RequestHandler<Object, Object>) type.getConstructor().newInstance();
        Object answer = handler.handleRequest(event, null);
        long end = System.currentTimeMillis();

        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        String text = String.valueOf(answer).replace('\n', ' ');
        System.out.println(DONE + " " + (end - jvmStart) + " "
                + text.substring(0, Math.min(300, text.length())));
    }

    private static Object event(String function) {
        String userId = System.getenv("BENCH_USER_ID");
        String username = System.getenv("BENCH_USERNAME");
        String roomId = System.getenv("BENCH_ROOM_ID");
        String connection = System.getenv("BENCH_CONNECTION_ID");
        return switch (function) {
            case "auth" -> LambdaEvents.http("POST", "/api/auth/login", null, null,
                    "{\"username\":\"" + username + "\",\"password\":\""
                            + System.getenv("BENCH_PASSWORD") + "\"}");
            case "connect" -> LambdaEvents.webSocket("$connect",
                    "cold-" + System.nanoTime(), userId, username, null);
            case "message" -> LambdaEvents.webSocket("sendMessage", connection, userId,
                    username, "{\"action\":\"sendMessage\",\"roomId\":\"" + roomId
                            + "\",\"clientMsgId\":\"cold-" + System.nanoTime()
                            + "\",\"body\":\"hello from a cold start\"}");
            case "presence" -> LambdaEvents.webSocket("heartbeat", connection, userId,
                    username, "{\"action\":\"heartbeat\"}");
            case "history" -> LambdaEvents.http("GET", "/api/rooms/" + roomId + "/messages",
                    System.getenv("BENCH_TOKEN"), Map.of("limit", "50"), null);
            case "migrate" -> Map.of();
            default -> throw new IllegalArgumentException("no event for function " + function);
        };
    }
}
