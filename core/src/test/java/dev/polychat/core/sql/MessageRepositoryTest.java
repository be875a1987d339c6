package dev.polychat.core.sql;

import static dev.polychat.core.sql.SqlFixture.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polychat.core.domain.Message;
import dev.polychat.core.domain.Room;
import dev.polychat.core.domain.User;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageRepositoryTest {
    private final SqlFixture sql = new SqlFixture();
    private User alice;
    private User bob;
    private Room room;

    @BeforeEach
    void givenAliceInARoomAndBobOutsideIt() {
        sql.reset();
        alice = sql.user("alice");
        bob = sql.user("bob");
        room = sql.room(alice, "general", false);
    }

    @Test
    void sendingStoresTheMessageWithTheNextSeqAndTheSendersName() {
        MessageRepository.Sent first = send(alice, "c1", "hello");
        MessageRepository.Sent second = send(alice, "c2", "again");

        assertThat(first.created()).isTrue();
        assertThat(first.message().seq()).isEqualTo(1);
        assertThat(second.message().seq()).isEqualTo(2);
        assertThat(first.message().senderName()).isEqualTo("Alice");
        assertThat(first.message().body()).isEqualTo("hello");
        assertThat(sql.rooms.find(uuid(room.id()), uuid(alice.id())).orElseThrow().lastSeq())
                .isEqualTo(2);
    }

    @Test
    void resendingTheSameClientMsgIdReturnsTheOriginalAndStoresNothing() {
        Message original = send(alice, "same", "hello").message();

        MessageRepository.Sent again = send(alice, "same", "a different body");

        assertThat(again.created()).isFalse();
        assertThat(again.message()).isEqualTo(original);
        assertThat(sql.messages.before(uuid(room.id()), null, 50).messages()).hasSize(1);
    }

    @Test
    void aNonMemberCannotSendAndNothingIsStoredNorCounted() {
        assertThatThrownBy(() -> send(bob, "c1", "hi"))
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);

        assertThat(sql.messages.before(uuid(room.id()), null, 50).messages()).isEmpty();
        assertThat(send(alice, "c1", "first").message().seq()).isEqualTo(1);
    }

    @Test
    void sendingToAnUnknownRoomIsNotFound() {
        assertThatThrownBy(() -> sql.messages.send(UUID.randomUUID(), uuid(alice.id()), "c", "b"))
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void concurrentSendersGetGaplessSeqsInOneRoom() throws Exception {
        sql.rooms.addMember(uuid(room.id()), uuid(bob.id()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<MessageRepository.Sent>> sends = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            User sender = i % 2 == 0 ? alice : bob;
            String clientMsgId = "m" + i;
            sends.add(pool.submit(() -> send(sender, clientMsgId, "body")));
        }
        List<Long> seqs = new ArrayList<>();
        for (Future<MessageRepository.Sent> send : sends) {
            seqs.add(send.get().message().seq());
        }
        pool.shutdown();

        assertThat(seqs).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 200).boxed().toList());
    }

    @Test
    void concurrentResendsOfOneClientMsgIdStoreExactlyOneMessage() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<MessageRepository.Sent>> sends = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sends.add(pool.submit(() -> send(alice, "retry", "once")));
        }
        List<String> ids = new ArrayList<>();
        for (Future<MessageRepository.Sent> send : sends) {
            ids.add(send.get().message().id());
        }
        pool.shutdown();

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(sql.messages.before(uuid(room.id()), null, 50).messages()).hasSize(1);
    }

    @Test
    void historyPagesWalkBackwardsNewestFirstAndForwardsOldestFirst() {
        for (int i = 1; i <= 7; i++) {
            send(alice, "c" + i, "message " + i);
        }

        MessageRepository.Page newest = sql.messages.before(uuid(room.id()), null, 3);
        MessageRepository.Page older = sql.messages.before(uuid(room.id()), 5L, 3);
        MessageRepository.Page oldest = sql.messages.before(uuid(room.id()), 2L, 3);
        MessageRepository.Page gap = sql.messages.after(uuid(room.id()), 4, 10);

        assertThat(newest.messages()).extracting(Message::seq).containsExactly(7L, 6L, 5L);
        assertThat(newest.hasMore()).isTrue();
        assertThat(older.messages()).extracting(Message::seq).containsExactly(4L, 3L, 2L);
        assertThat(oldest.messages()).extracting(Message::seq).containsExactly(1L);
        assertThat(oldest.hasMore()).isFalse();
        assertThat(gap.messages()).extracting(Message::seq).containsExactly(5L, 6L, 7L);
        assertThat(gap.hasMore()).isFalse();
    }

    private MessageRepository.Sent send(User sender, String clientMsgId, String body) {
        return sql.messages.send(uuid(room.id()), uuid(sender.id()), clientMsgId, body);
    }
}
