package dev.polychat.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Validations;

/**
 * The CDK app: {@code npx cdk synth|deploy|destroy} in infra-cdk/ runs this. The stack is
 * bound to the account and region of the caller's credentials when there are any
 * ({@code CDK_DEFAULT_ACCOUNT}/{@code CDK_DEFAULT_REGION}) and is environment-agnostic
 * otherwise, so synth needs no AWS credentials.
 */
public final class PolychatApp {
    private PolychatApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        DeploySettings settings = DeploySettings.fromContext(app.getNode()::tryGetContext);
        build(app, settings, FunctionJars.inRepository(settings.repoRoot()), environment());
        app.synth();
    }

    /** Adds the stack, tags and cdk-nag checks to an app; tests call this too. */
    public static PolychatStack build(App app, DeploySettings settings, FunctionJars jars,
            Environment environment) {
        PolychatStack stack = new PolychatStack(app, settings.stackName(), StackProps.builder()
                .env(environment)
                .description("PolyChat serverless chat (" + settings.stage() + ")")
                .build(), settings, jars);

        Tags.of(app).add("project", "polychat");
        Tags.of(app).add("stage", settings.stage());
        Tags.of(app).add("managed-by", "cdk");

        addChecks(app);
        return stack;
    }

    /**
     * AWS Solutions checks run at every synth; a finding that is neither fixed nor
     * acknowledged with a reason fails it.
     */
    static void addChecks(App app) {
        Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    }

    /** The caller's account and region if the CDK CLI found credentials, else none. */
    private static Environment environment() {
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        if (account == null || region == null) {
            return null;
        }
        return Environment.builder().account(account).region(region).build();
    }
}
