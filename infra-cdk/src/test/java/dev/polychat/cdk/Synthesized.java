package dev.polychat.cdk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.assertions.Template;

/**
 * One synthesized app per stage, shared by the tests of a JVM: the first synth starts jsii and
 * takes seconds. The function code is a placeholder jar, so no function needs building.
 */
final class Synthesized {
    private static final Path TARGET = Path.of("target");
    private static final Map<String, Synthesized> BY_STAGE = new HashMap<>();

    final App app;
    final PolychatStack stack;
    final Template template;

    private Synthesized(String stage) {
        Path outdir = TARGET.resolve("cdk.out-" + stage);
        app = new App(AppProps.builder().outdir(outdir.toString()).build());
        Map<String, Object> context = Map.of(
                "stage", stage,
                // A repository without web/dist: the web content is the placeholder page.
                "repoRoot", TARGET.resolve("no-web-build").toAbsolutePath().toString(),
                "nat", "dev".equals(stage) ? "instance" : "gateway");
        DeploySettings settings = DeploySettings.fromContext(context::get);
        // Dev is bound to an account and region, as a deploy with credentials would be: the
        // acknowledged findings must match the concrete ARNs too.
        Environment environment = "dev".equals(stage)
                ? Environment.builder().account("123456789012").region("eu-west-1").build()
                : null;
        stack = PolychatApp.build(app, settings, FunctionJars.single(placeholderJar()),
                environment);
        template = Template.fromStack(stack);
    }

    static synchronized Synthesized stage(String stage) {
        return BY_STAGE.computeIfAbsent(stage, Synthesized::new);
    }

    /** A valid but empty jar: CDK uploads archives as they are, so its content never matters. */
    private static Path placeholderJar() {
        Path jar = TARGET.resolve("placeholder-function.jar");
        try {
            Files.createDirectories(TARGET);
            try (OutputStream file = Files.newOutputStream(jar);
                    ZipOutputStream zip = new ZipOutputStream(file)) {
                zip.putNextEntry(new ZipEntry("README.txt"));
                zip.write("placeholder for stack tests".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return jar.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
