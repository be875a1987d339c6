package dev.polychat.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Contract, "Real time (WebSocket)": connecting, the actions and the events they cause. */
class RealtimeContractTest {
    private final Chat chat = ContractStack.chat();
    private final Chat.Person alice = chat.signUp("alice");
    private final Chat.Person bob = chat.signUp("bob");

    @Test
    void aBadOrMissingTokenIsRefusedAtTheUpgradeWith401() throws Exception {
        String expired = IdentityContractTest.sign(alice.id(), ContractStack.signingKey(),
                java.time.Instant.now().minusSeconds(1));

        assertThat(Socket.refusalStatus(chat.webSocket)).isEqualTo(401);
        assertThat(Socket.refusalStatus(URI.create(chat.webSocket + "?token=garbage")))
                .isEqualTo(401);
        assertThat(Socket.refusalStatus(URI.create(chat.webSocket + "?token=" + expired)))
                .isEqualTo(401);
    }

    @Test
    void aConnectionHearsEveryRoomItsUserIsInAndTheSenderGetsAckAndMessage() {
        String room = chat.createRoom(alice, "live", false);
        chat.join(bob, room);

        try (Socket a = chat.connect(alice); Socket b = chat.connect(bob)) {
            a.send(Chat.sendMessage(room, "c-1", "hello bob"));

            JsonNode ack = a.next("ack");
            JsonNode toAlice = a.next("message").path("message");
            JsonNode toBob = b.next("message").path("message");

            assertThat(ack.path("clientMsgId").asText()).isEqualTo("c-1");
            assertThat(ack.path("roomId").asText()).isEqualTo(room);
            assertThat(ack.path("seq").asLong()).isEqualTo(1);
            assertThat(ack.path("messageId").asText()).isEqualTo(toBob.path("id").asText());
            assertThat(toBob).isEqualTo(toAlice);
            assertThat(toBob.path("body").asText()).isEqualTo("hello bob");
            assertThat(toBob.path("senderId").asText()).isEqualTo(alice.id());
            assertThat(toBob.path("senderName").asText()).isEqualTo("Alice");
        }
    }

    @Test
    void resendingAClientMsgIdYieldsTheOriginalAndStoresNothingNew() {
        String room = chat.createRoom(alice, "retry", false);

        try (Socket a = chat.connect(alice)) {
            a.send(Chat.sendMessage(room, "same", "once"));
            JsonNode first = a.next("ack");
            a.send(Chat.sendMessage(room, "same", "once"));
            JsonNode second = a.next("ack");

            assertThat(second.path("messageId").asText())
                    .isEqualTo(first.path("messageId").asText());
            assertThat(second.path("seq").asLong()).isEqualTo(first.path("seq").asLong());
        }
        assertThat(chat.history(alice, room, "").path("messages")).hasSize(1);
    }

    @Test
    void joinRoomSubscribesThisConnectionAndLeaveRoomStopsIt() {
        String room = chat.createRoom(alice, "open", false);

        try (Socket a = chat.connect(alice); Socket b = chat.connect(bob)) {
            b.send(Chat.action("joinRoom", room));
            assertThat(b.next("joined").path("roomId").asText()).isEqualTo(room);

            a.send(Chat.sendMessage(room, "j-1", "welcome"));
            assertThat(b.next("message").path("message").path("body").asText())
                    .isEqualTo("welcome");

            b.send(Chat.action("leaveRoom", room));
            assertThat(b.next("left").path("roomId").asText()).isEqualTo(room);
            a.send(Chat.sendMessage(room, "j-2", "gone?"));
            a.next("ack");

            assertThat(b.collect("message", Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void typingReachesTheOthersButNotTheTypist() {
        String room = chat.createRoom(alice, "typing", false);
        chat.join(bob, room);

        try (Socket a = chat.connect(alice); Socket b = chat.connect(bob)) {
            a.send(Chat.action("typing", room));

            JsonNode typing = b.next("typing");
            assertThat(typing.path("roomId").asText()).isEqualTo(room);
            assertThat(typing.path("userId").asText()).isEqualTo(alice.id());
            assertThat(typing.path("displayName").asText()).isEqualTo("Alice");
            assertThat(a.collect("typing", Duration.ofMillis(700))).isEmpty();
        }
        assertThat(chat.history(alice, room, "").path("messages")).isEmpty();
    }

    @Test
    void heartbeatAnswersPong() {
        try (Socket a = chat.connect(alice)) {
            a.send(Chat.action("heartbeat", null).put("status", "online"));

            assertThat(a.next("pong").path("serverTime").asText()).isNotBlank();
        }
    }

    @Test
    void concurrentSendersIntoOneRoomGetGaplessSeqsAndEveryoneHearsAll() {
        String room = chat.createRoom(alice, "busy", false);
        chat.join(bob, room);
        int perSender = 20;

        try (Socket a = chat.connect(alice); Socket b = chat.connect(bob);
                Socket a2 = chat.connect(alice)) {
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (Socket socket : List.of(a, b, a2)) {
                String prefix = "s" + senders.size() + "-";
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < perSender; i++) {
                        socket.send(Chat.sendMessage(room, prefix + i, "msg " + prefix + i));
                    }
                }));
            }
            senders.forEach(CompletableFuture::join);

            List<Long> seen = new ArrayList<>();
            for (int i = 0; i < 3 * perSender; i++) {
                seen.add(b.next("message").path("message").path("seq").asLong());
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, 3 * perSender).boxed().toList());
        }
    }
}
