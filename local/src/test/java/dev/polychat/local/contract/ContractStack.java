package dev.polychat.local.contract;

import dev.polychat.core.config.Env;
import dev.polychat.engines.DynaliteEngine;
import dev.polychat.local.LocalStack;
import dev.polychat.local.Settings;
import dev.polychat.testkit.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * One local stack for the whole contract suite, started as {@code ./polychat up} would start
 * it (embedded PostgreSQL, dynalite, the real handlers) but on a free port and a fresh data
 * folder, and stopped when the test JVM exits.
 */
final class ContractStack {
    private static final String EXTERNAL_DYNAMODB = "polychat.contract.externalDynamoDb";

    private static LocalStack running;

    private ContractStack() {
    }

    static synchronized Chat chat() {
        return new Chat(running().baseUri());
    }

    static synchronized LocalStack running() {
        if (running == null) {
            running = Boolean.getBoolean(EXTERNAL_DYNAMODB) ? startOnExternalDynamoDb()
                    : start(null);
            LocalStack started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return running;
    }

    /**
     * The stack on a DynamoDB-compatible server it did not start (another dynalite, as a
     * developer's LocalStack would be): proves POLYCHAT_DYNAMODB_ENDPOINT is all it takes.
     */
    private static LocalStack startOnExternalDynamoDb() {
        DynaliteEngine external = DynaliteEngine.start(Repo.root(), null, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(external::close));
        return LocalStack.start(Settings.builder(Repo.root())
                .port(0)
                .scheduleInterval(Duration.ofSeconds(1))
                .dynamoEndpoint(URI.create(external.endpoint()))
                .build());
    }

    /** A stack on a free port; with no data folder it uses a temporary one, deleted on close. */
    static LocalStack start(Path data) {
        Settings.Builder settings = Settings.builder(Repo.root())
                .port(0)
                .scheduleInterval(Duration.ofSeconds(1));
        if (data != null) {
            settings.dataFolder(data);
        }
        return LocalStack.start(settings.build());
    }

    /** The environment the stack's handlers run with: table names, endpoints. */
    static Env handlerEnv() {
        return running().handlerEnv();
    }

    /** The stack's token signing key, for making tokens it must refuse (expired ones). */
    static byte[] signingKey() {
        String file = handlerEnv().require("POLYCHAT_JWT_KEY_FILE");
        try {
            return Base64.getDecoder().decode(Files.readString(Path.of(file),
                    StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
