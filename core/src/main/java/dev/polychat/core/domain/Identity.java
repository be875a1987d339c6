package dev.polychat.core.domain;

/** Who is calling, as proven by a verified token. */
public record Identity(String userId, String username, String displayName) {

    public User asUser() {
        return new User(userId, username, displayName);
    }
}
