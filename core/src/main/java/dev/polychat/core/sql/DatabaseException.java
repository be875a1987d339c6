package dev.polychat.core.sql;

import dev.polychat.core.error.ChatException;
import dev.polychat.core.error.ErrorCode;

/** PostgreSQL could not do what was asked; the client hears "internal", the log keeps the cause. */
public final class DatabaseException extends ChatException {
    public DatabaseException(String what, Throwable cause) {
        super(ErrorCode.INTERNAL, what, cause);
    }
}
