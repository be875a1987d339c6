package dev.polychat.local.startup;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The HS256 key that signs tokens locally: 32 random bytes in base64, made once and kept in
 * the data folder readable by its owner only, so tokens stay valid across restarts. In AWS the
 * key is a Secrets Manager secret.
 */
public final class JwtSigningKey {
    public static final String FILE_NAME = "jwt-signing.key";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    /** Whether the key was made now or found from an earlier run. */
    public record Result(Path file, boolean created) {
    }

    private JwtSigningKey() {
    }

    public static Result ensure(Path dataFolder) {
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataFolder);
            if (Files.isRegularFile(file) && !Files.readString(file).isBlank()) {
                restrict(file);
                return new Result(file, false);
            }
            Files.deleteIfExists(file);
            create(file);
            return new Result(file, true);
        } catch (IOException e) {
            throw new StartupException("cannot write the JWT signing key " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] encoded = Base64.getEncoder().encode(key);
        try {
            if (isPosix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.write(file, encoded, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void restrict(Path file) throws IOException {
        if (isPosix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean isPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
