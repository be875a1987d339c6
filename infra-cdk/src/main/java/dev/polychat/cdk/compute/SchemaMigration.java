package dev.polychat.cdk.compute;

import dev.polychat.cdk.DeploySettings;
import dev.polychat.cdk.data.Database;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.triggers.InvocationType;
import software.amazon.awscdk.triggers.Trigger;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Applies the Flyway migrations during the deploy, before traffic: a CDK trigger invokes the
 * migrate function synchronously once the database exists, and everything that serves users
 * (the aliases the APIs call, the API stages) waits for it. The function throws on failure,
 * the trigger reports that to CloudFormation, and the deploy fails and rolls back.
 *
 * <p>The trigger runs whenever the migrate function's version changes, which includes every
 * change of the jar and so of the migrations in it. {@code ./polychat deploy} also passes a
 * fresh {@code migrationRun} value, so a deploy through it runs the migrations every time
 * (Flyway skips what is applied; the function re-checks the app user's grants).
 */
public final class SchemaMigration extends Construct {
    private final Trigger trigger;

    public SchemaMigration(Construct scope, String id, FunctionFactory factory, IVpc vpc,
            Database database, DeploySettings settings) {
        super(scope, id);

        SecurityGroup network = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(vpc)
                .description("PolyChat migrate function: reaches the database directly")
                .build();
        ChatFunction migrate = factory.create(this, new FunctionSpec("Migrate", "migrate",
                "dev.polychat.migrate.MigrateHandler", 1024, Duration.minutes(5),
                "applies the schema migrations and grants the app user"),
                network, Map.of(
                        "POLYCHAT_DATABASE_URL", database.directJdbcUrl(),
                        "POLYCHAT_DATABASE_SECRET_ARN", database.ownerSecret().getSecretArn(),
                        "POLYCHAT_DATABASE_APP_USER", Database.APP_USER));
        database.grantOwnerAccess(migrate.function(), network);

        trigger = Trigger.Builder.create(this, "Run")
                .handler(migrate.function())
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .timeout(Duration.minutes(5))
                .executeAfter(List.of(database))
                .build();
        settings.migrationRun().ifPresent(run -> runProperties().addPropertyOverride(
                "MigrationRun", run));
    }

    /** Makes each construct wait until the migrations have succeeded. */
    public void runBefore(IConstruct... dependents) {
        for (IConstruct dependent : dependents) {
            dependent.getNode().addDependency(trigger);
        }
    }

    private CfnResource runProperties() {
        CustomResource run = (CustomResource) trigger.getNode().findChild("Default");
        return (CfnResource) run.getNode().getDefaultChild();
    }
}
