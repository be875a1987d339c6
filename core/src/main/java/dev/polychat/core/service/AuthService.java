package dev.polychat.core.service;

import dev.polychat.core.auth.PasswordHasher;
import dev.polychat.core.auth.TokenService;
import dev.polychat.core.domain.User;
import dev.polychat.core.domain.Validation;
import dev.polychat.core.error.ChatException;
import dev.polychat.core.error.ErrorCode;
import dev.polychat.core.sql.UserRepository;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registration and sign-in. */
public final class AuthService {
    private static final Pattern PLAUSIBLE_USERNAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final TokenService tokens;

    public AuthService(UserRepository users, PasswordHasher passwords, TokenService tokens) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    /** A signed-in user and the token that proves it. */
    public record Session(String token, User user) {
    }

    public Session register(String username, String password, String displayName) {
        String name = Validation.username(username);
        String checkedPassword = Validation.password(password);
        String shownAs = Validation.displayName(displayName, name);
        User user = users.create(name, shownAs, passwords.hash(checkedPassword));
        return new Session(tokens.issue(user), user);
    }

    /** The same answer in about the same time for an unknown user and for a wrong password. */
    public Session login(String username, String password) {
        if (username == null) {
            throw ChatException.badRequest("username", "is required");
        }
        if (password == null) {
            throw ChatException.badRequest("password", "is required");
        }
        Optional<UserRepository.Credentials> found = PLAUSIBLE_USERNAME.matcher(username).matches()
                ? users.findByUsername(username.toLowerCase(Locale.ROOT))
                : Optional.empty();
        if (found.isEmpty()) {
            passwords.matchNothing(password);
            throw invalid();
        }
        if (!passwords.matches(password, found.get().passwordHash())) {
            throw invalid();
        }
        User user = found.get().user();
        return new Session(tokens.issue(user), user);
    }

    public Optional<User> me(String userId) {
        return dev.polychat.core.domain.Ids.tryParse(userId).flatMap(users::findById);
    }

    private static ChatException invalid() {
        return new ChatException(ErrorCode.INVALID_CREDENTIALS, "wrong username or password");
    }
}
