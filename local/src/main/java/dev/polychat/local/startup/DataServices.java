package dev.polychat.local.startup;

import dev.polychat.core.aws.AwsClients;
import dev.polychat.core.config.Env;
import dev.polychat.core.dynamo.TableAdmin;
import dev.polychat.core.dynamo.Tables;
import dev.polychat.engines.DynaliteEngine;
import dev.polychat.engines.PostgresEngine;
import dev.polychat.local.Settings;
import dev.polychat.schema.Migrations;
import java.net.URI;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The managed data services the cloud provides, played locally: PostgreSQL with the schema
 * migrated, and a DynamoDB-compatible server with PolyChat's tables. Either can be the
 * developer's own server instead; its data is then theirs, we only migrate and add tables.
 */
public final class DataServices {
    static final String POSTGRES_FOLDER = "postgres";
    static final String DYNAMODB_FOLDER = "dynamodb";

    private DataServices() {
    }

    /** The configured PostgreSQL, or an embedded one with its data in the data folder. */
    public static Settings.Database postgres(Settings settings, Closer closer) {
        if (settings.database().isPresent()) {
            return settings.database().get();
        }
        PostgresEngine engine = closer.add("PostgreSQL",
                PostgresEngine.start(settings.dataFolder().resolve(POSTGRES_FOLDER), 0));
        return new Settings.Database(engine.jdbcUrl(), engine.user(), engine.password());
    }

    /** Applies the Flyway migrations; returns the schema version. */
    public static String migrate(Settings.Database database) {
        return Migrations.migrate(database.url(), database.user(), database.password());
    }

    /** The configured DynamoDB endpoint, or dynalite with its tables in the data folder. */
    public static URI dynamo(Settings settings, Closer closer) {
        if (settings.dynamoEndpoint().isPresent()) {
            return settings.dynamoEndpoint().get();
        }
        DynaliteEngine engine = closer.add("dynalite", DynaliteEngine.start(settings.home(),
                settings.dataFolder().resolve(DYNAMODB_FOLDER), 0));
        return URI.create(engine.endpoint());
    }

    /** Creates the tables that do not exist yet, with the names the handlers will use. */
    public static int createTables(Env handlerEnv) {
        try (DynamoDbClient dynamo = AwsClients.dynamo(handlerEnv)) {
            new TableAdmin(dynamo).createMissing(handlerEnv);
        } catch (SdkClientException unreachable) {
            throw new StartupException("DynamoDB at " + handlerEnv.require(
                    AwsClients.DYNAMODB_ENDPOINT) + " (" + AwsClients.DYNAMODB_ENDPOINT
                    + ") did not answer: " + unreachable.getMessage(), unreachable);
        }
        return Tables.ALL.size();
    }
}
