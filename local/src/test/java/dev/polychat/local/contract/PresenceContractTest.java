package dev.polychat.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Contract, "Presence": changes are announced once to the rooms a user shares. */
class PresenceContractTest {
    private final Chat chat = ContractStack.chat();
    private final Chat.Person alice = chat.signUp("alice");
    private final Chat.Person bob = chat.signUp("bob");

    @Test
    void comingOnlineGoingAwayAndClosingAreEachAnnouncedOnce() {
        String room = chat.createRoom(alice, "presence", false);
        chat.join(bob, room);

        try (Socket b = chat.connect(bob)) {
            Socket a = chat.connect(alice);
            JsonNode online = b.next(f -> isPresence(f, alice.id(), "online"), "online");
            assertThat(online.path("lastSeenAt").asText()).isNotBlank();

            a.send(Chat.action("heartbeat", null).put("status", "away"));
            a.next("pong");
            b.next(f -> isPresence(f, alice.id(), "away"), "away");
            a.send(Chat.action("heartbeat", null).put("status", "away"));
            a.next("pong");

            a.close();
            b.next(f -> isPresence(f, alice.id(), "offline"), "offline within 5 s");
            assertThat(b.collect("presence", Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void aUserWithTwoConnectionsStaysOnlineUntilTheLastCloses() {
        String room = chat.createRoom(alice, "two tabs", false);
        chat.join(bob, room);

        try (Socket b = chat.connect(bob)) {
            Socket tab1 = chat.connect(alice);
            Socket tab2 = chat.connect(alice);
            b.next(f -> isPresence(f, alice.id(), "online"), "online");

            tab1.close();
            assertThat(b.collect("presence", Duration.ofSeconds(2))).isEmpty();

            tab2.close();
            b.next(f -> isPresence(f, alice.id(), "offline"), "offline");
        }
    }

    private static boolean isPresence(JsonNode frame, String userId, String status) {
        return "presence".equals(frame.path("type").asText())
                && userId.equals(frame.path("userId").asText())
                && status.equals(frame.path("status").asText());
    }
}
