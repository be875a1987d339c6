package dev.polychat.core.sql;

import dev.polychat.core.domain.Message;
import dev.polychat.core.error.ChatException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Chat messages: the one-statement send and keyset pages of history. */
public final class MessageRepository {
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Checks membership, honours (sender, clientMsgId) idempotency, takes the room's next seq
     * and stores the message, all in one statement and so one round trip. Bumping
     * {@code rooms.last_seq} locks the room row until commit: seq has no gaps (a failed insert
     * rolls the bump back) and grows in commit order. The last branch says why nothing was
     * stored when the sender may not post.
     */
    private static final String SEND = """
            WITH sender AS (SELECT display_name FROM users WHERE id = ?),
            existing AS (
                SELECT * FROM messages WHERE sender_id = ? AND client_msg_id = ?),
            allowed AS (
                SELECT 1 FROM memberships WHERE room_id = ? AND user_id = ?),
            bumped AS (
                UPDATE rooms SET last_seq = last_seq + 1
                WHERE id = ? AND EXISTS (SELECT 1 FROM allowed)
                  AND NOT EXISTS (SELECT 1 FROM existing)
                RETURNING last_seq),
            inserted AS (
                INSERT INTO messages (room_id, seq, id, sender_id, client_msg_id, body)
                SELECT ?, last_seq, ?, ?, ?, ? FROM bumped
                RETURNING *)
            SELECT 'created' AS outcome, i.id, i.room_id, i.seq, i.sender_id, s.display_name,
                   i.body, i.client_msg_id, i.created_at
              FROM inserted i CROSS JOIN sender s
            UNION ALL
            SELECT 'existing', e.id, e.room_id, e.seq, e.sender_id, s.display_name,
                   e.body, e.client_msg_id, e.created_at
              FROM existing e CROSS JOIN sender s
            UNION ALL
            SELECT CASE WHEN EXISTS (SELECT 1 FROM rooms WHERE id = ?)
                        THEN 'forbidden' ELSE 'not_found' END,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
             WHERE NOT EXISTS (SELECT 1 FROM existing) AND NOT EXISTS (SELECT 1 FROM allowed)
            """;

    private static final String PAGE_COLUMNS = "SELECT m.id, m.room_id, m.seq, m.sender_id,"
            + " u.display_name, m.body, m.client_msg_id, m.created_at"
            + " FROM messages m JOIN users u ON u.id = m.sender_id WHERE m.room_id = ?";

    private final Database database;

    public MessageRepository(Database database) {
        this.database = database;
    }

    /** What a send did: stored a new message, or found the one sent before with that id. */
    public record Sent(Message message, boolean created) {
    }

    /** A page of history and whether more lies beyond it. */
    public record Page(List<Message> messages, boolean hasMore) {
    }

    public Sent send(UUID roomId, UUID sender, String clientMsgId, String body) {
        UUID messageId = UUID.randomUUID();
        return database.run("storing a message", connection -> {
            try {
                return trySend(connection, roomId, sender, clientMsgId, body, messageId);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // A concurrent send with the same clientMsgId committed first: answer with it.
                return trySend(connection, roomId, sender, clientMsgId, body, messageId);
            }
        });
    }

    private static Sent trySend(Connection connection, UUID roomId, UUID sender,
            String clientMsgId, String body, UUID messageId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SEND)) {
            int i = 0;
            statement.setObject(++i, sender);
            statement.setObject(++i, sender);
            statement.setString(++i, clientMsgId);
            statement.setObject(++i, roomId);
            statement.setObject(++i, sender);
            statement.setObject(++i, roomId);
            statement.setObject(++i, roomId);
            statement.setObject(++i, messageId);
            statement.setObject(++i, sender);
            statement.setString(++i, clientMsgId);
            statement.setString(++i, body);
            statement.setObject(++i, roomId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("send returned no outcome");
                }
                return switch (row.getString("outcome")) {
                    case "created" -> new Sent(message(row), true);
                    case "existing" -> new Sent(message(row), false);
                    case "forbidden" -> throw ChatException.forbidden("not a member of this room");
                    default -> throw ChatException.notFound("room");
                };
            }
        }
    }

    /** The newest messages, or those before {@code beforeSeq}: newest first. */
    public Page before(UUID roomId, Long beforeSeq, int limit) {
        String sql = PAGE_COLUMNS + (beforeSeq == null ? "" : " AND m.seq < ?")
                + " ORDER BY m.seq DESC LIMIT ?";
        return page(sql, roomId, beforeSeq, limit);
    }

    /** The messages after {@code afterSeq}: oldest first, for filling a gap. */
    public Page after(UUID roomId, long afterSeq, int limit) {
        String sql = PAGE_COLUMNS + " AND m.seq > ? ORDER BY m.seq ASC LIMIT ?";
        return page(sql, roomId, afterSeq, limit);
    }

    private Page page(String sql, UUID roomId, Long seq, int limit) {
        return database.run("reading history", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 0;
                statement.setObject(++i, roomId);
                if (seq != null) {
                    statement.setLong(++i, seq);
                }
                statement.setInt(++i, limit + 1);
                try (ResultSet row = statement.executeQuery()) {
                    List<Message> messages = new ArrayList<>(limit + 1);
                    while (row.next()) {
                        messages.add(message(row));
                    }
                    boolean hasMore = messages.size() > limit;
                    return new Page(hasMore ? messages.subList(0, limit) : messages, hasMore);
                }
            }
        });
    }

    private static Message message(ResultSet row) throws SQLException {
        return new Message(row.getObject("id", UUID.class).toString(),
                row.getObject("room_id", UUID.class).toString(), row.getLong("seq"),
                row.getObject("sender_id", UUID.class).toString(), row.getString("display_name"),
                row.getString("body"), row.getString("client_msg_id"),
                Timestamps.read(row, "created_at"));
    }
}
