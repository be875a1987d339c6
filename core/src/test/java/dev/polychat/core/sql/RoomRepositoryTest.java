package dev.polychat.core.sql;

import static dev.polychat.core.sql.SqlFixture.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polychat.core.domain.Room;
import dev.polychat.core.domain.User;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomRepositoryTest {
    private final SqlFixture sql = new SqlFixture();
    private User alice;
    private User bob;

    @BeforeEach
    void givenTwoUsers() {
        sql.reset();
        alice = sql.user("alice");
        bob = sql.user("bob");
    }

    @Test
    void theCreatorIsAMemberOfTheNewRoom() {
        Room room = sql.rooms.create(uuid(alice.id()), "general", "chat", false);

        assertThat(room.member()).isTrue();
        assertThat(room.lastSeq()).isZero();
        assertThat(sql.rooms.members(uuid(room.id()))).containsExactly(alice);
    }

    @Test
    void everyoneSeesPublicRoomsButOnlyMembersSeePrivateOnes() {
        Room open = sql.room(alice, "open", false);
        Room secret = sql.room(alice, "secret", true);

        assertThat(sql.rooms.visibleTo(uuid(bob.id())))
                .extracting(Room::id, Room::member).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(open.id(), false));
        assertThat(sql.rooms.visibleTo(uuid(alice.id())))
                .extracting(Room::id).containsExactly(open.id(), secret.id());
    }

    @Test
    void joiningTwiceAndLeavingAreHarmless() {
        Room open = sql.room(alice, "open", false);

        sql.rooms.addMember(uuid(open.id()), uuid(bob.id()));
        sql.rooms.addMember(uuid(open.id()), uuid(bob.id()));

        assertThat(sql.rooms.members(uuid(open.id()))).containsExactly(alice, bob);
        sql.rooms.removeMember(uuid(open.id()), uuid(bob.id()));
        assertThat(sql.rooms.roomIdsOf(uuid(bob.id()))).isEmpty();
    }

    @Test
    void aTakenUsernameIsRefused() {
        assertThatThrownBy(() -> sql.users.create("alice", "Another", "hash"))
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).code()).isEqualTo(ErrorCode.USERNAME_TAKEN);
    }
}
