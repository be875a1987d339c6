package dev.polychat.lambda.scenario;

import dev.polychat.core.domain.Identity;
import dev.polychat.core.domain.User;

/** A registered user of a scenario, with the token the auth function gave them. */
public record Person(User user, String token, String password) {

    public String id() {
        return user.id();
    }

    public String username() {
        return user.username();
    }

    public Identity identity() {
        return new Identity(user.id(), user.username(), user.displayName());
    }
}
