package dev.polychat.cdk.data;

import dev.polychat.cdk.Acks;
import dev.polychat.cdk.DeploySettings;
import dev.polychat.cdk.network.Network;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.CaCertificate;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DefaultAuthScheme;
import software.amazon.awscdk.services.rds.IInstanceEngine;
import software.amazon.awscdk.services.rds.ParameterGroup;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.rds.ProxyTarget;
import software.amazon.awscdk.services.rds.StorageType;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * PostgreSQL for users, rooms, memberships and messages, behind an RDS Proxy.
 *
 * <p>Why RDS for PostgreSQL rather than Aurora Serverless v2: the chat's relational load is
 * small and steady (a keyset page costs about 0.2 ms at depth 500,000, measured), so scaling
 * compute is not what it needs; what it needs is a low price at rest. Aurora Serverless v2
 * cannot pause while the one-minute presence sweep keeps connecting, and a proxy in front of
 * it is billed for at least 8 ACUs, which together cost several times a db.t4g.micro with its
 * proxy (billed for its 2 vCPUs). The instance type is a context value, Multi-AZ standby is on
 * in production, and storage grows by itself up to 100 GiB.
 *
 * <p>Why end-to-end IAM on the proxy: the functions sign in as an IAM database user (the
 * migrate function grants it {@code rds_iam}), so no function ever holds a password, and the
 * proxy signs in to the database the same way instead of through a stored secret. The master
 * secret is read only by the migrate function, which connects to the instance directly.
 */
public final class Database extends Construct {
    /** The database user the functions connect as; the migrate function creates it. */
    public static final String APP_USER = "polychat_app";
    public static final String DATABASE_NAME = "polychat";
    public static final int PORT = 5432;

    private final DatabaseInstance instance;
    private final DatabaseProxy proxy;
    private final SecurityGroup proxySecurityGroup;

    public Database(Construct scope, String id, IVpc vpc, DeploySettings settings) {
        super(scope, id);

        IInstanceEngine engine = DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps
                .builder().version(PostgresEngineVersion.VER_17).build());
        String identifier = "polychat-" + settings.stage();
        // Created before the instance so RDS writes into a group that has a retention.
        LogGroup postgresLogs = LogGroup.Builder.create(this, "PostgresLogs")
                .logGroupName("/aws/rds/instance/" + identifier + "/postgresql")
                .retention(settings.logRetention())
                .removalPolicy(settings.dataRemovalPolicy())
                .build();

        instance = DatabaseInstance.Builder.create(this, "Instance")
                .instanceIdentifier(identifier)
                .engine(engine)
                .instanceType(new InstanceType(settings.dbInstanceType()))
                .vpc(vpc)
                .vpcSubnets(Network.dataSubnets())
                .credentials(Credentials.fromGeneratedSecret("polychat_owner"))
                .databaseName(DATABASE_NAME)
                .port(PORT)
                .storageEncrypted(true)
                .storageType(StorageType.GP3)
                .allocatedStorage(20)
                .maxAllocatedStorage(100)
                .iamAuthentication(true)
                .caCertificate(CaCertificate.RDS_CA_RSA2048_G1)
                .parameterGroup(ParameterGroup.Builder.create(this, "Parameters")
                        .engine(engine)
                        .description("PolyChat: TLS only, slow statements logged")
                        .parameters(Map.of(
                                "rds.force_ssl", "1",
                                "log_min_duration_statement", "500"))
                        .build())
                .cloudwatchLogsExports(List.of("postgresql"))
                .multiAz(settings.multiAz())
                .autoMinorVersionUpgrade(true)
                .backupRetention(Duration.days(settings.production() ? 7 : 1))
                .deletionProtection(settings.production())
                .removalPolicy(settings.dataRemovalPolicy())
                .build();
        instance.getNode().addDependency(postgresLogs);

        proxySecurityGroup = SecurityGroup.Builder.create(this, "ProxySecurityGroup")
                .vpc(vpc)
                .description("PolyChat database proxy: reached by the chat functions")
                .allowAllOutbound(false)
                .build();
        proxy = DatabaseProxy.Builder.create(this, "Proxy")
                .proxyTarget(ProxyTarget.fromInstance(instance))
                .vpc(vpc)
                .vpcSubnets(Network.dataSubnets())
                .securityGroups(List.of(proxySecurityGroup))
                .defaultAuthScheme(DefaultAuthScheme.IAM_AUTH)
                .requireTls(true)
                .role(proxyRole())
                .build();
        proxySecurityGroup.addEgressRule(instance.getConnections().getSecurityGroups().getFirst(),
                Port.tcp(PORT), "to the database");
        instance.getConnections().allowFrom(proxySecurityGroup, Port.tcp(PORT), "from the proxy");

        acknowledge(settings);
    }

    public DatabaseInstance instance() {
        return instance;
    }

    public DatabaseProxy proxy() {
        return proxy;
    }

    /** The master credentials; for the migrate function only. */
    public ISecret ownerSecret() {
        return instance.getSecret();
    }

    /** JDBC URL through the proxy, for the chat functions. */
    public String proxyJdbcUrl() {
        return jdbcUrl(proxy.getEndpoint());
    }

    /** JDBC URL of the instance itself, for the migrate function. */
    public String directJdbcUrl() {
        return jdbcUrl(instance.getDbInstanceEndpointAddress());
    }

    /** Lets functions in this security group reach the proxy on the network. */
    public void allowAppNetwork(IConnectable clients) {
        proxySecurityGroup.getConnections().allowFrom(clients, Port.tcp(PORT), "chat functions");
    }

    /** Lets a function sign in through the proxy as {@link #APP_USER}, and as no one else. */
    public void grantAppConnect(IGrantable function) {
        proxy.grantConnect(function, APP_USER);
    }

    /** Lets the migrate function reach the instance directly with the master secret. */
    public void grantOwnerAccess(IGrantable function, IConnectable network) {
        ownerSecret().grantRead(function);
        instance.getConnections().allowFrom(network, Port.tcp(PORT), "schema migrations");
    }

    private static String jdbcUrl(String host) {
        return "jdbc:postgresql://" + host + ":" + PORT + "/" + DATABASE_NAME + "?sslmode=require";
    }

    /** With end-to-end IAM the proxy signs in as the app user itself: it needs that right. */
    private Role proxyRole() {
        Role role = Role.Builder.create(this, "ProxyRole")
                .assumedBy(new ServicePrincipal("rds.amazonaws.com"))
                .description("PolyChat database proxy: IAM sign-in to the database as the app user")
                .build();
        Stack stack = Stack.of(this);
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("rds-db:connect"))
                .resources(List.of(stack.formatArn(ArnComponents.builder()
                        .service("rds-db")
                        .resource("dbuser")
                        .resourceName(instance.getInstanceResourceId() + "/" + APP_USER)
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                        .build())))
                .build());
        return role;
    }

    private void acknowledge(DeploySettings settings) {
                Acks.on(instance, "AwsSolutions-RDS11",
                "The standard port is reachable only from the proxy and migrate security groups.");
        Acks.on(instance, "AwsSolutions-SMG4",
                "The master secret is read only by the migrate function at deploy time;"
                        + " rotation can be switched on without changing any function.");
        if (!settings.production()) {
            Acks.on(instance, "AwsSolutions-RDS3",
                    "A dev install runs a single AZ to save cost; production is Multi-AZ.");
            Acks.on(instance, "AwsSolutions-RDS10",
                    "A dev install is meant to be destroyed; production has deletion protection.");
        }
    }
}
