package dev.polychat.bench.infra;

import dev.polychat.core.app.ChatApp;
import dev.polychat.core.domain.Identity;
import dev.polychat.core.domain.Room;
import dev.polychat.core.service.AuthService;
import java.util.UUID;

/** Users and rooms made through the real services, as a client would make them. */
public final class Fixtures {
    private static final String PASSWORD = "bench-password-1";

    private Fixtures() {
    }

    /** A freshly registered user with a unique name. */
    public static AuthService.Session user(ChatApp app, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return app.auth().register(name, PASSWORD, name);
    }

    public static String password() {
        return PASSWORD;
    }

    public static Identity identity(AuthService.Session session) {
        return new Identity(session.user().id(), session.user().username(),
                session.user().displayName());
    }

    public static Room room(ChatApp app, AuthService.Session owner, String name) {
        return app.roomService().create(identity(owner), name, "bench", false,
                app.clock().instant());
    }
}
