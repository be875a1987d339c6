package dev.polychat.cdk.network;

import dev.polychat.cdk.Acks;
import dev.polychat.cdk.DeploySettings;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.AmazonLinux2023ImageSsmParameterProps;
import software.amazon.awscdk.services.ec2.AmazonLinuxCpuType;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.NatInstanceProps;
import software.amazon.awscdk.services.ec2.NatInstanceProviderV2;
import software.amazon.awscdk.services.ec2.NatProvider;
import software.amazon.awscdk.services.ec2.NatTrafficDirection;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The VPC: public subnets for NAT only, private subnets with egress for the functions and
 * isolated subnets for the database and its proxy.
 *
 * <p>Why NAT rather than interface endpoints: the functions post to the WebSocket API's
 * {@code @connections} endpoint, which is a public API. An {@code execute-api} interface
 * endpoint with private DNS would capture every {@code *.execute-api} name in the VPC and
 * answer only private APIs, so those posts would fail; without private DNS it is useless to
 * them too. So egress goes through NAT. DynamoDB, the busiest dependency, gets a gateway
 * endpoint: free, and it keeps that traffic off the NAT's per-gigabyte charge. Secrets Manager
 * is read once per execution environment, so it rides the NAT instead of an interface endpoint
 * that would cost more per month than the traffic. Small installs choose a NAT instance
 * ({@code -c nat=instance}, a t4g.nano) over a NAT gateway.
 */
public final class Network extends Construct {
    /** Fixed, so security group rules can name it as text (cdk-nag cannot read a reference). */
    static final String CIDR = "10.40.0.0/16";

    private final Vpc vpc;

    public Network(Construct scope, String id, DeploySettings settings) {
        super(scope, id);

        NatProvider nat = natProvider(settings);
        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(CIDR))
                .maxAzs(2)
                .natGateways(settings.natCount())
                .natGatewayProvider(nat)
                .subnetConfiguration(List.of(
                        subnet("public", SubnetType.PUBLIC),
                        subnet("functions", SubnetType.PRIVATE_WITH_EGRESS),
                        subnet("data", SubnetType.PRIVATE_ISOLATED)))
                .gatewayEndpoints(Map.of("DynamoDb", GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.DYNAMODB)
                        .subnets(List.of(functionSubnets()))
                        .build()))
                // Nothing is placed in the default security group; restricting it would cost
                // a custom-resource function for no change in what can talk to what.
                .restrictDefaultSecurityGroup(false)
                .build();

        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(settings.logRetention())
                .removalPolicy(settings.dataRemovalPolicy())
                .build();
        // Rejected flows only: what a misconfigured security group looks like, at little cost.
        vpc.addFlowLog("Rejected", FlowLogOptions.builder()
                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                .trafficType(FlowLogTrafficType.REJECT)
                .build());

        if (nat instanceof NatInstanceProviderV2 instances) {
            // Outbound-only by default: let the private subnets in, and nothing else.
            instances.getConnections().allowFrom(Peer.ipv4(CIDR),
                    Port.allTraffic(), "traffic from the VPC to the internet");
            acknowledgeNatInstance();
        }
    }

    public IVpc vpc() {
        return vpc;
    }

    public static SubnetSelection functionSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
    }

    public static SubnetSelection dataSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    }

    private static SubnetConfiguration subnet(String name, SubnetType type) {
        return SubnetConfiguration.builder().name(name).subnetType(type).cidrMask(22).build();
    }

    private static NatProvider natProvider(DeploySettings settings) {
        if (settings.nat() == DeploySettings.NatMode.GATEWAY) {
            return NatProvider.gateway();
        }
        return NatProvider.instanceV2(NatInstanceProps.builder()
                .instanceType(new InstanceType("t4g.nano"))
                .machineImage(MachineImage.latestAmazonLinux2023(
                        AmazonLinux2023ImageSsmParameterProps.builder()
                                .cpuType(AmazonLinuxCpuType.ARM_64).build()))
                .defaultAllowedTraffic(NatTrafficDirection.OUTBOUND_ONLY)
                .build());
    }

    private void acknowledgeNatInstance() {
                Acks.on(this, "AwsSolutions-EC26",
                "The NAT instance's root volume holds only the stock OS image, no data.");
        Acks.on(this, "AwsSolutions-EC28",
                "Basic monitoring is enough for a NAT instance chosen to save cost.");
        Acks.on(this, "AwsSolutions-EC29",
                "The NAT instance is disposable: CloudFormation recreates it.");
    }
}
