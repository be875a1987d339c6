package dev.polychat.local.server;

/** The stack's port is in use by another program. */
public final class PortTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PortTakenException(int port) {
        super("port " + port + " on 127.0.0.1 is already in use; stop what uses it or set"
                + " POLYCHAT_PORT to another port");
    }
}
