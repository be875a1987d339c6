package dev.polychat.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polychat.local.support.RawWebSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contract, "Error codes on the socket" and "Limits": a bad frame within the size limits gets
 * an error, never closes the socket and never stores anything; oversize frames close it.
 */
class SocketErrorsContractTest {
    private final Chat chat = ContractStack.chat();
    private final Chat.Person alice = chat.signUp("alice");
    private final Chat.Person bob = chat.signUp("bob");

    @Test
    void malformedAndHostileFramesAreAnsweredWithBadRequestAndStoreNothing() {
        String room = chat.createRoom(alice, "guarded", false);

        try (Socket a = chat.connect(alice)) {
            for (String frame : new String[] {"not json", "[1,2,3]", "\"text\"", "{",
                    "{\"action\":\"sendMessage\"}",
                    "{\"action\":\"sendMessage\",\"roomId\":\"" + room
                            + "\",\"clientMsgId\":\"x\"}",
                    "{\"action\":\"sendMessage\",\"roomId\":\"" + room + "\",\"body\":\"hi\"}",
                    "{\"action\":\"sendMessage\",\"roomId\":\"" + room
                            + "\",\"clientMsgId\":\"x\",\"body\":\"   \"}",
                    "{\"action\":\"sendMessage\",\"roomId\":\"" + room
                            + "\",\"clientMsgId\":\"x\",\"body\":\"bell\\u0007\"}",
                    "{\"action\":\"sendMessage\",\"roomId\":\"" + room
                            + "\",\"clientMsgId\":\"x\",\"body\":42}",
                    "{\"action\":\"sendMessage\",\"roomId\":\"" + room + "\",\"clientMsgId\":\""
                            + "c".repeat(65) + "\",\"body\":\"hi\"}",
                    "{\"action\":\"joinRoom\"}",
                    "{\"action\":\"heartbeat\",\"status\":\"busy\"}"}) {
                a.send(frame);
                JsonNode error = a.next("error");
                assertThat(error.path("code").asText()).as(frame).isEqualTo("bad_request");
                assertThat(error.path("message").asText()).isNotBlank();
            }
            assertThat(a.isOpen()).isTrue();
        }
        assertThat(chat.history(alice, room, "").path("messages")).isEmpty();
    }

    @Test
    void errorsEchoTheActionAndClientMsgId() {
        try (Socket a = chat.connect(alice)) {
            a.send(Chat.sendMessage(UUID.randomUUID().toString(), "echo-me", "hi"));

            JsonNode error = a.next("error");
            assertThat(error.path("code").asText()).isEqualTo("not_found");
            assertThat(error.path("action").asText()).isEqualTo("sendMessage");
            assertThat(error.path("clientMsgId").asText()).isEqualTo("echo-me");
        }
    }

    @Test
    void anUnknownActionIsUnknownAction() {
        try (Socket a = chat.connect(alice)) {
            a.send("{\"action\":\"dance\"}");
            JsonNode error = a.next("error");

            assertThat(error.path("code").asText()).isEqualTo("unknown_action");
            assertThat(error.path("action").asText()).isEqualTo("dance");
            a.send("{\"no\":\"action\"}");
            assertThat(a.next("error").path("code").asText()).isEqualTo("unknown_action");
        }
    }

    @Test
    void aNonMemberSendingIsForbiddenAndNothingIsStored() {
        String room = chat.createRoom(alice, "members only", false);

        try (Socket b = chat.connect(bob)) {
            b.send(Chat.sendMessage(room, "intruder", "let me in"));

            assertThat(b.next("error").path("code").asText()).isEqualTo("forbidden");
        }
        assertThat(chat.history(alice, room, "").path("messages")).isEmpty();
    }

    @Test
    void aBodyIsCountedInCodePointsAfterTrimming() {
        String room = chat.createRoom(alice, "long", false);
        String emoji = new String(Character.toChars(0x1F600));

        try (Socket a = chat.connect(alice)) {
            a.send(Chat.sendMessage(room, "max", "  " + emoji.repeat(4000) + "  "));
            assertThat(a.next(f -> f.path("type").asText().matches("ack|error"), "ack")
                    .path("type").asText()).isEqualTo("ack");

            a.send(Chat.sendMessage(room, "over", "a".repeat(4001)));
            JsonNode error = a.next("error");
            assertThat(error.path("code").asText()).isEqualTo("bad_request");
            assertThat(error.path("clientMsgId").asText()).isEqualTo("over");
        }
        assertThat(chat.history(alice, room, "").path("messages")).hasSize(1);
    }

    @Test
    void sendingPastTheRateLimitIsRateLimitedAndStoresNothing() {
        String room = chat.createRoom(alice, "flood", false);

        try (Socket a = chat.connect(alice)) {
            int acks = 0;
            int limited = 0;
            for (int i = 0; i < 35; i++) {
                a.send(Chat.sendMessage(room, "f" + i, "flood " + i));
            }
            for (int i = 0; i < 35; i++) {
                JsonNode reply = a.next(f -> f.path("type").asText().matches("ack|error"),
                        "ack or error");
                if (reply.path("type").asText().equals("ack")) {
                    acks++;
                } else {
                    assertThat(reply.path("code").asText()).isEqualTo("rate_limited");
                    limited++;
                }
            }

            assertThat(acks).isEqualTo(30);
            assertThat(limited).isEqualTo(5);
        }
        assertThat(chat.history(alice, room, "?limit=200").path("messages")).hasSize(30);
    }

    @Test
    void aFrameOver32KbClosesTheSocketWith1009() throws Exception {
        URI uri = URI.create(chat.webSocket + "?token=" + alice.token());
        try (RawWebSocket raw = RawWebSocket.connect(uri)) {
            raw.sendSingleFrame("{\"action\":\"typing\",\"pad\":\"" + "x".repeat(33 * 1024)
                    + "\"}");

            assertThat(raw.awaitCloseCode()).isEqualTo(1009);
        }
    }

    @Test
    void aMessageOver128KbInSmallFramesClosesTheSocketWith1009() {
        try (Socket a = chat.connect(alice)) {
            a.sendFragmented("{\"action\":\"typing\",\"pad\":\"" + "x".repeat(130 * 1024)
                    + "\"}", 16 * 1024);

            assertThat(a.closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void aBrowserAskingForCompressionIsAnsweredWithoutIt() throws Exception {
        URI uri = chat.webSocket;
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            String handshake = "GET /ws?token=" + alice.token() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                    + "\r\n";
            socket.getOutputStream().write(handshake.getBytes(StandardCharsets.US_ASCII));
            String response = readHeaders(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 101");
            assertThat(response.toLowerCase()).doesNotContain("sec-websocket-extensions");
        }
    }

    private static String readHeaders(java.io.InputStream in) throws java.io.IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            headers.append((char) next);
        }
        return headers.toString();
    }

    @Test
    void aFrameJustUnderTheLimitsIsAnsweredNormally() {
        try (Socket a = chat.connect(alice)) {
            a.send("{\"action\":\"heartbeat\",\"pad\":\"" + "x".repeat(30 * 1024) + "\"}");

            assertThat(a.next("pong")).isNotNull();
            assertThat(a.collect("error", Duration.ofMillis(200))).isEmpty();
        }
    }
}
