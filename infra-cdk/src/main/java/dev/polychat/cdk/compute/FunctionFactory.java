package dev.polychat.cdk.compute;

import dev.polychat.cdk.Acks;
import dev.polychat.cdk.DeploySettings;
import dev.polychat.cdk.Findings;
import dev.polychat.cdk.FunctionJars;
import dev.polychat.cdk.network.Network;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The defaults every PolyChat function shares, in one place: Java 21 on arm64 (Graviton is
 * cheaper per GB-second and our jars are pure Java), SnapStart on published versions with an
 * alias in front, C1-only JIT for a fast start, active X-Ray tracing, JSON logs into a log
 * group with a retention, and a place in the VPC's private subnets.
 */
public final class FunctionFactory {
    /** Every API, schedule and trigger invokes this alias, never $LATEST. */
    public static final String ALIAS = "live";

    /**
     * A short-lived function spends most of its life in code the JIT has not compiled yet;
     * stopping at C1 gets it compiled sooner and cheaper (0.52 s instead of 0.63 s for a fresh
     * JVM's first DynamoDB call, measured on our build machine).
     */
    static final String START_UP_FLAGS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final DeploySettings settings;
    private final FunctionJars jars;
    private final IVpc vpc;
    private final Map<String, Code> codeByModule = new HashMap<>();

    public FunctionFactory(DeploySettings settings, FunctionJars jars, IVpc vpc) {
        this.settings = settings;
        this.jars = jars;
        this.vpc = vpc;
    }

    public ChatFunction create(Construct scope, FunctionSpec spec, ISecurityGroup securityGroup,
            Map<String, String> environment) {
        Construct group = new Construct(scope, spec.id());
        LogGroup logs = LogGroup.Builder.create(group, "Logs")
                .retention(settings.logRetention())
                .removalPolicy(settings.dataRemovalPolicy())
                .build();

        Map<String, String> variables = new TreeMap<>(environment);
        variables.put("JAVA_TOOL_OPTIONS", START_UP_FLAGS);
        variables.put("POLYCHAT_LOG_FORMAT", "json");

        Function function = Function.Builder.create(group, "Function")
                .description("PolyChat " + settings.stage() + ": " + spec.description())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(code(spec.module()))
                .handler(spec.handler())
                .memorySize(spec.memoryMb())
                .timeout(spec.timeout())
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE)
                .loggingFormat(LoggingFormat.JSON)
                .logGroup(logs)
                .environment(variables)
                .vpc(vpc)
                .vpcSubnets(Network.functionSubnets())
                .securityGroups(List.of(securityGroup))
                .build();
        acknowledge(function);
        Alias alias = Alias.Builder.create(group, "Alias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
        return new ChatFunction(spec, function, alias, logs);
    }

    private static void acknowledge(Function function) {
        Acks.on(function, Findings.MANAGED_BASIC_EXECUTION,
                "AWS's basic execution policy: writing the function's own logs, nothing more.");
        Acks.on(function, Findings.MANAGED_VPC_ACCESS,
                "AWS's VPC access policy: the network interfaces a function in a VPC needs.");
        Acks.on(function, Findings.wildcardResource("*"),
                "X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level"
                        + " permissions; active tracing needs them on '*'.");
        Acks.on(function, "AwsSolutions-L1",
                "Java 21 on purpose: the build compiles release 21, and the runtime must match.");
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "Every function publishes its current version and is invoked through an alias.");
    }

    /** One asset per jar: the three connect handlers share one upload. */
    private Code code(String module) {
        return codeByModule.computeIfAbsent(module,
                m -> Code.fromAsset(jars.jar(m).toString()));
    }
}
