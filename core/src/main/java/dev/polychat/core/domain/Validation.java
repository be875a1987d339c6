package dev.polychat.core.domain;

import dev.polychat.core.error.ChatException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The contract's rules for what users type, each failure naming the field. */
public final class Validation {
    public static final int MAX_BODY_CODE_POINTS = 4000;
    public static final int MAX_CLIENT_MSG_ID = 64;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

    private Validation() {
    }

    /** 3–32 ASCII letters, digits, {@code _ . -}; returned lower-case. */
    public static String username(String value) {
        if (value == null || !USERNAME.matcher(value).matches()) {
            throw ChatException.badRequest("username",
                    "must be 3–32 letters, digits, '_', '.' or '-'");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    public static String password(String value) {
        if (value == null || value.length() < 8 || value.length() > 256) {
            throw ChatException.badRequest("password", "must be 8–256 characters");
        }
        return value;
    }

    /** 1–64 characters after trimming; absent means the username. */
    public static String displayName(String value, String username) {
        if (value == null) {
            return username;
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1 || length > 64 || hasControl(trimmed, false)) {
            throw ChatException.badRequest("displayName", "must be 1–64 printable characters");
        }
        return trimmed;
    }

    /** 1–80 characters after trimming, at least one visible. */
    public static String roomName(String value) {
        String trimmed = value == null ? "" : value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1 || length > 80 || !hasVisible(trimmed) || hasControl(trimmed, false)) {
            throw ChatException.badRequest("name", "must be 1–80 characters with a visible one");
        }
        return trimmed;
    }

    public static String topic(String value) {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > 250 || hasControl(trimmed, false)) {
            throw ChatException.badRequest("topic", "must be at most 250 printable characters");
        }
        return trimmed;
    }

    /** 1–4000 code points after trimming; no control characters but newline and tab. */
    public static String body(String value) {
        if (value == null) {
            throw ChatException.badRequest("body", "is required");
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1) {
            throw ChatException.badRequest("body", "must not be empty");
        }
        if (length > MAX_BODY_CODE_POINTS) {
            throw ChatException.badRequest("body", "must be at most 4000 characters");
        }
        if (hasControl(trimmed, true)) {
            throw ChatException.badRequest("body",
                    "must not contain control characters other than newline and tab");
        }
        return trimmed;
    }

    public static String clientMsgId(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_CLIENT_MSG_ID
                || hasControl(value, false)) {
            throw ChatException.badRequest("clientMsgId", "must be 1–64 printable characters");
        }
        return value;
    }

    private static boolean hasVisible(String text) {
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c)
                && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT);
    }

    private static boolean hasControl(String text, boolean allowNewlineAndTab) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                && !(allowNewlineAndTab && (c == '\n' || c == '\t')));
    }
}
