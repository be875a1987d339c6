package dev.polychat.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root folder, for tests that need its tools (dynalite) or files. */
public final class Repo {
    private Repo() {
    }

    public static Path root() {
        String configured = System.getProperty("polychat.repo");
        if (configured != null && Files.isDirectory(Path.of(configured, "tools"))) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("tools/dynalite"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the project root"
                + " (a folder with tools/dynalite)"
                + " from " + Path.of("").toAbsolutePath() + "; set -Dpolychat.repo");
    }
}
