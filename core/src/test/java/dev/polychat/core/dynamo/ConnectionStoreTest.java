package dev.polychat.core.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class ConnectionStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static DynaliteTables tables;
    private static ConnectionStore store;

    @BeforeAll
    static void createTables() {
        tables = DynaliteTables.forClass(ConnectionStoreTest.class);
        store = new ConnectionStore(tables.client, tables.name(Tables.CONNECTIONS));
    }

    @AfterAll
    static void closeClient() {
        tables.close();
    }

    @Test
    void aStoredConnectionIsReadBackUntilItOutlivesApiGatewaysLimit() {
        ConnectionRecord connection = new ConnectionRecord(id("c"), id("u"), T0);

        store.put(connection);

        assertThat(store.get(connection.connectionId(), T0.plusSeconds(1))).contains(connection);
        assertThat(store.get(connection.connectionId(), T0.plus(ConnectionStore.MAX_LIFETIME)))
                .contains(connection);
        assertThat(store.get(connection.connectionId(),
                T0.plus(ConnectionStore.MAX_LIFETIME).plus(Duration.ofMinutes(10))))
                .isEmpty();
    }

    @Test
    void aUsersConnectionsAreFoundThroughTheUserIndexWithoutTheExpiredOnes() {
        String user = id("u");
        ConnectionRecord old = new ConnectionRecord(id("old"), user, T0);
        ConnectionRecord phone = new ConnectionRecord(id("phone"), user, T0.plusSeconds(3600));
        ConnectionRecord laptop = new ConnectionRecord(id("laptop"), user, T0.plusSeconds(7200));
        store.put(old);
        store.put(phone);
        store.put(laptop);
        store.put(new ConnectionRecord(id("other"), id("u"), T0.plus(Duration.ofHours(2))));

        Instant afterOldExpired = T0.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(11));

        assertThat(store.byUser(user, afterOldExpired)).containsExactlyInAnyOrder(phone, laptop);
        assertThat(store.byUser(user, T0.plusSeconds(1))).contains(old);
    }

    @Test
    void aDeletedConnectionIsGoneAndDeletingItAgainIsHarmless() {
        ConnectionRecord connection = new ConnectionRecord(id("c"), id("u"), T0);
        store.put(connection);

        store.delete(connection.connectionId());
        store.delete(connection.connectionId());

        assertThat(store.get(connection.connectionId(), T0)).isEmpty();
        assertThat(store.byUser(connection.userId(), T0)).isEmpty();
    }

    @Test
    void aFailingCallSurfacesAsAStoreExceptionThatKeepsTheSdkCause() {
        ConnectionStore nowhere = new ConnectionStore(tables.client, "no-such-table");

        assertThatThrownBy(() -> nowhere.get("c-1", T0))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("c-1")
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
