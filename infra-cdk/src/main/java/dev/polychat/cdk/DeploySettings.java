package dev.polychat.cdk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * What differs between installs, read from CDK context ({@code -c key=value}). Every key has a
 * default that deploys a complete production system; {@code -c stage=dev} makes it cheap and
 * disposable.
 *
 * @param stage name of the install; also the WebSocket stage and part of the stack name
 * @param nat how functions in the VPC reach public AWS endpoints
 * @param natCount NAT gateways or instances (one per AZ at most); one keeps small installs cheap
 * @param dbInstanceType RDS instance type, e.g. {@code t4g.micro}
 * @param multiAz a standby database in a second AZ (failover in about a minute)
 * @param alarmEmail where alarm notifications go, if anywhere
 * @param repoRoot the repository: function jars and {@code web/dist} are found from here
 * @param migrationRun a value that changes on every deploy, so the migration trigger reruns
 */
public record DeploySettings(
        String stage,
        NatMode nat,
        int natCount,
        String dbInstanceType,
        boolean multiAz,
        Optional<String> alarmEmail,
        Path repoRoot,
        Optional<String> migrationRun) {

    public static final String DEV = "dev";

    public enum NatMode { GATEWAY, INSTANCE }

    /** Reads the settings from a context lookup such as {@code node::tryGetContext}. */
    public static DeploySettings fromContext(Function<String, Object> context) {
        String stage = text(context, "stage").orElse("prod");
        if (!stage.matches("[a-z][a-z0-9-]{0,19}")) {
            throw new IllegalArgumentException("context 'stage' must be 1-20 lower-case letters,"
                    + " digits or '-', starting with a letter; got '" + stage + "'");
        }
        boolean dev = DEV.equals(stage);
        NatMode nat = switch (text(context, "nat").orElse("gateway")) {
            case "gateway" -> NatMode.GATEWAY;
            case "instance" -> NatMode.INSTANCE;
            default -> throw new IllegalArgumentException(
                    "context 'nat' must be 'gateway' or 'instance'");
        };
        int natCount = Integer.parseInt(text(context, "natCount").orElse("1"));
        if (natCount < 1 || natCount > 2) {
            throw new IllegalArgumentException("context 'natCount' must be 1 or 2");
        }
        return new DeploySettings(stage, nat, natCount,
                text(context, "dbInstanceType").orElse("t4g.micro"),
                Boolean.parseBoolean(text(context, "multiAz").orElse(String.valueOf(!dev))),
                text(context, "alarmEmail"),
                text(context, "repoRoot").map(Path::of).orElseGet(DeploySettings::findRepoRoot)
                        .toAbsolutePath().normalize(),
                text(context, "migrationRun"));
    }

    /** Data survives everywhere except in a dev install, which is meant to be thrown away. */
    public boolean production() {
        return !DEV.equals(stage);
    }

    public String stackName() {
        return "PolyChat-" + stage;
    }

    /** For databases, tables and secrets: kept when the stack goes, unless this is dev. */
    public RemovalPolicy dataRemovalPolicy() {
        return production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }

    public RetentionDays logRetention() {
        return production() ? RetentionDays.ONE_MONTH : RetentionDays.ONE_WEEK;
    }

    public Path webDist() {
        return repoRoot.resolve("web").resolve("dist");
    }

    private static Optional<String> text(Function<String, Object> context, String key) {
        Object value = context.apply(key);
        return value == null || value.toString().isBlank()
                ? Optional.empty() : Optional.of(value.toString().trim());
    }

    /** The CDK CLI runs the app in infra-cdk/; the repository is the folder above it. */
    private static Path findRepoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("functions"))
                    && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository (a folder with functions/"
                + " and pom.xml) above " + Path.of("").toAbsolutePath()
                + "; pass -c repoRoot=<path>");
    }
}
