package dev.polychat.engines;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the Node.js executable that runs dynalite. */
public final class Node {
    private Node() {
    }

    public static String executable() {
        String configured = System.getenv("POLYCHAT_NODE");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "node");
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new IllegalStateException("Node.js was not found on PATH; install Node 20 or newer"
                + " (or set POLYCHAT_NODE to its executable)");
    }
}
