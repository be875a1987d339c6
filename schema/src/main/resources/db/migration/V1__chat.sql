-- Users, rooms, memberships and messages. Ids are UUIDs, shown to clients as opaque strings.

CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    username      text        NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- last_seq is the per-room message counter. Taking the next value locks the room row until
-- commit, which is what makes seq gapless and ordered by commit.
CREATE TABLE rooms (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    topic      text        NOT NULL DEFAULT '',
    private    boolean     NOT NULL DEFAULT false,
    created_by uuid        NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seq   bigint      NOT NULL DEFAULT 0
);

CREATE INDEX rooms_public ON rooms (created_at, id) WHERE NOT private;

CREATE TABLE memberships (
    room_id   uuid        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, user_id)
);

CREATE INDEX memberships_by_user ON memberships (user_id, room_id);

-- History pages walk the primary key (room_id, seq): keyset, never OFFSET.
CREATE TABLE messages (
    room_id       uuid        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    seq           bigint      NOT NULL,
    id            uuid        NOT NULL UNIQUE,
    sender_id     uuid        NOT NULL REFERENCES users (id),
    client_msg_id text        NOT NULL,
    body          text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, seq),
    CONSTRAINT messages_idempotency UNIQUE (sender_id, client_msg_id)
);
