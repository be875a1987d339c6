package dev.polychat.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionJarsTest {
    @TempDir
    Path repo;

    @Test
    void aMissingJarFailsWithTheModuleAndTheCommandThatBuildsIt() {
        FunctionJars jars = FunctionJars.inRepository(repo);

        assertThatThrownBy(() -> jars.jar("history"))
                .hasMessageContaining("no jar for function 'history'")
                .hasMessageContaining("polychat-function-history-<version>-lambda.jar")
                .hasMessageContaining("-pl functions/history");
    }

    @Test
    void picksTheNewestShadedJarAndIgnoresThePlainOne() throws IOException {
        Path target = Files.createDirectories(repo.resolve("functions/auth/target"));
        Path older = touch(target.resolve("polychat-function-auth-0.1.0-lambda.jar"), 1000);
        Path newer = touch(target.resolve("polychat-function-auth-0.2.0-lambda.jar"), 2000);
        touch(target.resolve("polychat-function-auth-0.3.0.jar"), 3000);

        assertThat(FunctionJars.inRepository(repo).jar("auth")).isEqualTo(newer)
                .isNotEqualTo(older);
    }

    private static Path touch(Path file, long epochSecond) throws IOException {
        Files.writeString(file, "jar");
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(epochSecond)));
        return file;
    }
}
