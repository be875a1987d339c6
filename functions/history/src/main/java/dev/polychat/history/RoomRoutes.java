package dev.polychat.history;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.core.domain.Identity;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.service.AuthService;
import dev.polychat.core.service.RoomService;
import dev.polychat.core.sql.MessageRepository;
import dev.polychat.lambda.Frames;
import dev.polychat.lambda.HttpCalls;
import java.time.Clock;
import java.util.Map;

/** Matches a method and path to a room route and answers it. */
final class RoomRoutes {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final RoomService rooms;
    private final AuthService auth;
    private final Clock clock;

    RoomRoutes(RoomService rooms, AuthService auth, Clock clock) {
        this.rooms = rooms;
        this.auth = auth;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse handle(String method, String path, APIGatewayV2HTTPEvent event,
            Identity caller) {
        String[] parts = segments(path);
        String route = method + " " + shape(parts);
        return switch (route) {
            case "GET users/me" -> HttpCalls.json(200, Map.of("user", auth.me(caller.userId())
                    .orElseThrow(ChatException::unauthorized)));
            case "GET rooms" -> HttpCalls.json(200, Map.of("rooms", rooms.visibleTo(caller)));
            case "POST rooms" -> create(event, caller);
            case "GET rooms/*" -> HttpCalls.json(200, Map.of("room", rooms.get(caller,
                    parts[1])));
            case "POST rooms/*/members" -> HttpCalls.json(200, Map.of("room",
                    rooms.join(caller, parts[1], clock.instant())));
            case "DELETE rooms/*/members/me" -> {
                rooms.leave(caller, parts[1], clock.instant());
                yield HttpCalls.noContent();
            }
            case "GET rooms/*/messages" -> messages(event, caller, parts[1]);
            case "GET rooms/*/presence" -> HttpCalls.json(200, Map.of("members",
                    rooms.presence(caller, parts[1], clock.instant())));
            default -> throw HttpCalls.unknownRoute();
        };
    }

    private APIGatewayV2HTTPResponse create(APIGatewayV2HTTPEvent event, Identity caller) {
        JsonNode body = HttpCalls.jsonBody(event);
        return HttpCalls.json(201, Map.of("room", rooms.create(caller,
                Frames.text(body, "name"), Frames.text(body, "topic"),
                Frames.flag(body, "private", false), clock.instant())));
    }

    private APIGatewayV2HTTPResponse messages(APIGatewayV2HTTPEvent event, Identity caller,
            String roomId) {
        Long limit = HttpCalls.number(event, "limit", 1, MAX_LIMIT);
        Long before = HttpCalls.number(event, "before", 0, Long.MAX_VALUE);
        Long after = HttpCalls.number(event, "after", 0, Long.MAX_VALUE);
        if (before != null && after != null) {
            throw ChatException.badRequest("before", "cannot be combined with after");
        }
        MessageRepository.Page page = rooms.messages(caller, roomId, before, after,
                limit == null ? DEFAULT_LIMIT : limit.intValue());
        return HttpCalls.json(200, Map.of("messages", page.messages(),
                "hasMore", page.hasMore()));
    }

    /** The path below {@code /api/}, split on '/'; empty segments are kept so they never match. */
    private static String[] segments(String path) {
        String below = path.startsWith("/api/") ? path.substring(5) : "";
        return below.split("/", -1);
    }

    /** The path with room ids as '*', so routes match on shape: "rooms/*\/messages". */
    private static String shape(String[] parts) {
        if (parts.length >= 2 && parts[0].equals("rooms")) {
            String[] copy = parts.clone();
            copy[1] = copy[1].isEmpty() ? "" : "*";
            return String.join("/", copy);
        }
        return String.join("/", parts);
    }
}
