package dev.polychat.core.sql;

import dev.polychat.core.domain.Room;
import dev.polychat.core.domain.User;
import dev.polychat.core.error.ChatException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rooms and who belongs to them. */
public final class RoomRepository {
    private static final String ROOM_COLUMNS =
            "r.id, r.name, r.topic, r.private, r.created_at, r.last_seq";

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final Database database;

    public RoomRepository(Database database) {
        this.database = database;
    }

    /**
     * Creates a room with its creator as the first member, in one statement. A creator who
     * does not exist (a valid token that outlived its user) is refused, not a server error.
     */
    public Room create(UUID creator, String name, String topic, boolean isPrivate) {
        String sql = "WITH r AS (INSERT INTO rooms (id, name, topic, private, created_by)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING *),"
                + " m AS (INSERT INTO memberships (room_id, user_id) SELECT id, created_by FROM r)"
                + " SELECT " + ROOM_COLUMNS + ", true AS member FROM r";
        return database.run("creating a room", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, UUID.randomUUID());
                statement.setString(2, name);
                statement.setString(3, topic);
                statement.setBoolean(4, isPrivate);
                statement.setObject(5, creator);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return room(row);
                }
            } catch (SQLException e) {
                if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                    throw ChatException.unauthorized();
                }
                throw e;
            }
        });
    }

    /** The caller's rooms and every public room, oldest first. */
    public List<Room> visibleTo(UUID user) {
        String sql = "SELECT " + ROOM_COLUMNS + ", (m.user_id IS NOT NULL) AS member"
                + " FROM rooms r LEFT JOIN memberships m ON m.room_id = r.id AND m.user_id = ?"
                + " WHERE NOT r.private OR m.user_id IS NOT NULL"
                + " ORDER BY r.created_at, r.id";
        return database.run("listing rooms", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, user);
                try (ResultSet row = statement.executeQuery()) {
                    List<Room> rooms = new ArrayList<>();
                    while (row.next()) {
                        rooms.add(room(row));
                    }
                    return rooms;
                }
            }
        });
    }

    /** The room as the user sees it, whether or not it is private or they belong to it. */
    public Optional<Room> find(UUID roomId, UUID user) {
        String sql = "SELECT " + ROOM_COLUMNS + ", EXISTS (SELECT 1 FROM memberships m"
                + " WHERE m.room_id = r.id AND m.user_id = ?) AS member"
                + " FROM rooms r WHERE r.id = ?";
        return database.run("reading a room", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, user);
                statement.setObject(2, roomId);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(room(row)) : Optional.empty();
                }
            }
        });
    }

    /** Adds the member; joining twice changes nothing. */
    public void addMember(UUID roomId, UUID user) {
        String sql = "INSERT INTO memberships (room_id, user_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING";
        update("joining a room", sql, roomId, user);
    }

    public void removeMember(UUID roomId, UUID user) {
        update("leaving a room", "DELETE FROM memberships WHERE room_id = ? AND user_id = ?",
                roomId, user);
    }

    public List<String> roomIdsOf(UUID user) {
        String sql = "SELECT room_id FROM memberships WHERE user_id = ?";
        return database.run("listing a user's rooms", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, user);
                try (ResultSet row = statement.executeQuery()) {
                    List<String> ids = new ArrayList<>();
                    while (row.next()) {
                        ids.add(row.getObject(1, UUID.class).toString());
                    }
                    return ids;
                }
            }
        });
    }

    public List<User> members(UUID roomId) {
        String sql = "SELECT u.id, u.username, u.display_name FROM memberships m"
                + " JOIN users u ON u.id = m.user_id WHERE m.room_id = ?"
                + " ORDER BY lower(u.display_name), u.username";
        return database.run("listing members", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, roomId);
                try (ResultSet row = statement.executeQuery()) {
                    List<User> members = new ArrayList<>();
                    while (row.next()) {
                        members.add(new User(row.getObject(1, UUID.class).toString(),
                                row.getString(2), row.getString(3)));
                    }
                    return members;
                }
            }
        });
    }

    private void update(String what, String sql, UUID roomId, UUID user) {
        database.run(what, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, roomId);
                statement.setObject(2, user);
                return statement.executeUpdate();
            }
        });
    }

    private static Room room(ResultSet row) throws SQLException {
        return new Room(row.getObject("id", UUID.class).toString(), row.getString("name"),
                row.getString("topic"), row.getBoolean("private"),
                Timestamps.read(row, "created_at"), row.getLong("last_seq"),
                row.getBoolean("member"));
    }
}
