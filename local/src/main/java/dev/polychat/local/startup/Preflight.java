package dev.polychat.local.startup;

import dev.polychat.engines.FreePort;
import dev.polychat.engines.Node;
import dev.polychat.local.server.PortTakenException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks made before anything starts, so a doomed start fails in a moment, not after. */
public final class Preflight {
    private Preflight() {
    }

    /** The port to use: a free one for 0, else the given one if nobody listens on it. */
    public static int port(int requested) {
        if (requested == 0) {
            return FreePort.find();
        }
        if (FreePort.isTaken(requested)) {
            throw new PortTakenException(requested);
        }
        return requested;
    }

    /** dynalite needs its npm install and Node.js; say which is missing and how to fix it. */
    public static void dynaliteRunnable(Path home) {
        Path cli = home.resolve("tools/dynalite/node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new StartupException("dynalite is not installed in " + home.resolve(
                    "tools/dynalite") + "; run ./polychat up (it runs npm ci there), or set "
                    + "POLYCHAT_DYNAMODB_ENDPOINT to a DynamoDB-compatible server");
        }
        if (!nodeFound()) {
            throw new StartupException("Node.js was not found on PATH; install Node 20 or newer"
                    + " (or set POLYCHAT_NODE to its executable, or POLYCHAT_DYNAMODB_ENDPOINT"
                    + " to a DynamoDB-compatible server)");
        }
    }

    private static boolean nodeFound() {
        try {
            Node.executable();
            return true;
        } catch (IllegalStateException notFound) {
            return false;
        }
    }
}
