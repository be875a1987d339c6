package dev.polychat.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the Flyway migrations: the local stack at start, the migrate function on deploy. */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /**
     * Brings the database at {@code jdbcUrl} up to the newest migration.
     *
     * @return the schema version after migrating
     */
    public static String migrate(String jdbcUrl, String user, String password) {
        MigrateResult result = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info("schema at version {} ({} migrations applied)",
                result.targetSchemaVersion == null ? result.initialSchemaVersion
                        : result.targetSchemaVersion,
                result.migrationsExecuted);
        return result.targetSchemaVersion == null ? result.initialSchemaVersion
                : result.targetSchemaVersion;
    }
}
