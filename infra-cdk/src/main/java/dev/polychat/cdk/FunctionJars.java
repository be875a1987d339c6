package dev.polychat.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds the deployable jar of each function module (the shaded {@code -lambda.jar}). */
public interface FunctionJars {

    /** The jar of {@code functions/<module>}; fails with what to run when it is missing. */
    Path jar(String module);

    /** The jars Maven builds in the repository: {@code functions/<m>/target/*-lambda.jar}. */
    static FunctionJars inRepository(Path repoRoot) {
        return module -> {
            Path target = repoRoot.resolve("functions").resolve(module).resolve("target");
            String prefix = "polychat-function-" + module + "-";
            List<Path> found = List.of();
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    found = files.filter(p -> p.getFileName().toString().startsWith(prefix))
                            .filter(p -> p.getFileName().toString().endsWith("-lambda.jar"))
                            .sorted(Comparator.comparing(FunctionJars::modified).reversed())
                            .toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("no jar for function '" + module + "': expected "
                        + target + "/" + prefix + "<version>-lambda.jar. Build the functions"
                        + " first (./polychat synth does), or: mvn -f " + repoRoot
                        + "/pom.xml package -DskipTests -pl functions/" + module + " -am");
            }
            return found.getFirst();
        };
    }

    /** One jar for every function: tests synthesize without building the real ones. */
    static FunctionJars single(Path jar) {
        return module -> jar;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
