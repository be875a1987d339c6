package dev.polychat.bench.history;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a room with many messages through COPY, the way a long-lived room would look: seq
 * 1..n without gaps, one sender, bodies of ordinary length, a minute apart.
 */
final class MessageLoader {
    private static final int ROWS_PER_COPY = 50_000;

    private MessageLoader() {
    }

    static void load(Connection connection, UUID roomId, UUID senderId, long count) {
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Instant start = Instant.now().minusSeconds(60 * count);
            for (long from = 1; from <= count; from += ROWS_PER_COPY) {
                long to = Math.min(count, from + ROWS_PER_COPY - 1);
                copy.copyIn("COPY messages (room_id, seq, id, sender_id, client_msg_id, body,"
                        + " created_at) FROM STDIN", new StringReader(
                                rows(roomId, senderId, from, to, start)));
            }
            try (PreparedStatement bump = connection.prepareStatement(
                    "UPDATE rooms SET last_seq = ? WHERE id = ?")) {
                bump.setLong(1, count);
                bump.setObject(2, roomId);
                bump.executeUpdate();
            }
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE messages");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading " + count + " messages failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rows(UUID roomId, UUID senderId, long from, long to, Instant start) {
        StringBuilder text = new StringBuilder((int) (to - from + 1) * 200);
        for (long seq = from; seq <= to; seq++) {
            text.append(roomId).append('\t').append(seq).append('\t')
                    .append(UUID.randomUUID()).append('\t').append(senderId).append('\t')
                    .append("load-").append(seq).append('\t')
                    .append("Message ").append(seq)
                    .append(": a line of ordinary chat, long enough to look like one.")
                    .append('\t').append(start.plusSeconds(60 * seq)).append('\n');
        }
        return text.toString();
    }
}
