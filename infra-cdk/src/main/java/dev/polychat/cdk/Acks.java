package dev.polychat.cdk;

import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * Acknowledges cdk-nag findings: every finding we accept carries its reason beside the code
 * that causes it, and covers the construct and everything under it.
 */
public final class Acks {
    private Acks() {
    }

    /**
     * Records that {@code ruleId} is accepted on {@code scope}, for {@code reason}.
     *
     * <p>{@link Validations#acknowledge} refuses ids with more than one {@code ::}, yet cdk-nag
     * 3.0.2 names wildcard findings after the resource text, e.g.
     * {@code AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:...]}. For those the same
     * acknowledgment is recorded as {@code acknowledge} records it: construct metadata under
     * {@link Validations#ACKNOWLEDGED_RULES_METADATA_KEY}, which is what cdk-nag reads.
     */
    public static void on(IConstruct scope, String ruleId, String reason) {
        if (ruleId.split("::", -1).length <= 2) {
            Validations.of(scope).acknowledge(
                    Acknowledgment.builder().id(ruleId).reason(reason).build());
        } else {
            scope.getNode().addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
                    Map.of(ruleId, reason));
        }
    }
}
