package dev.polychat.cdk;

import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.constructs.IConstruct;

/**
 * Names cdk-nag findings about one resource. Wildcard findings are keyed by the resource text
 * as cdk-nag prints it: references as {@code <LogicalId.Attribute>}, and the region and
 * account as {@code <AWS::Region>}/{@code <AWS::AccountId>} unless the stack has a concrete
 * environment.
 */
public final class Findings {
    public static final String MANAGED_BASIC_EXECUTION = "AwsSolutions-IAM4[Policy::arn:"
            + "<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]";
    public static final String MANAGED_VPC_ACCESS = "AwsSolutions-IAM4[Policy::arn:"
            + "<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]";

    private static final String QUALIFIER_CONTEXT = "@aws-cdk/core:bootstrapQualifier";

    private Findings() {
    }

    public static String wildcardResource(String resource) {
        return "AwsSolutions-IAM5[Resource::" + resource + "]";
    }

    /** The {@code <LogicalId>} form of a construct's CloudFormation resource. */
    public static String ref(IConstruct construct) {
        CfnElement element = (CfnElement) construct.getNode().getDefaultChild();
        Stack stack = Stack.of(construct);
        return "<" + stack.resolve(stack.getLogicalId(element)) + ">";
    }

    /** The {@code <LogicalId.Attribute>} form. */
    public static String ref(IConstruct construct, String attribute) {
        String ref = ref(construct);
        return ref.substring(0, ref.length() - 1) + "." + attribute + ">";
    }

    /** {@code arn:<AWS::Partition>:<service>:<region>:<account>:} as cdk-nag prints it. */
    public static String arnPrefix(IConstruct scope, String service) {
        return "arn:<AWS::Partition>:" + service + ":" + region(scope) + ":" + account(scope)
                + ":";
    }

    /** The CDK bootstrap bucket that holds file assets, as cdk-nag prints its name. */
    public static String assetBucket(IConstruct scope) {
        Object qualifier = scope.getNode().tryGetContext(QUALIFIER_CONTEXT);
        return "cdk-" + (qualifier == null ? DefaultStackSynthesizer.DEFAULT_QUALIFIER : qualifier)
                + "-assets-" + account(scope) + "-" + region(scope);
    }

    private static String region(IConstruct scope) {
        String region = Stack.of(scope).getRegion();
        return Token.isUnresolved(region) ? "<AWS::Region>" : region;
    }

    private static String account(IConstruct scope) {
        String account = Stack.of(scope).getAccount();
        return Token.isUnresolved(account) ? "<AWS::AccountId>" : account;
    }
}
