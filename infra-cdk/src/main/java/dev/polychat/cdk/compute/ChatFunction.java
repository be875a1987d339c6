package dev.polychat.cdk.compute;

import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;

/**
 * A deployed function: the function itself (metrics, permissions), the alias every caller
 * invokes (it points at the published, SnapStart-restored version) and its log group.
 */
public record ChatFunction(FunctionSpec spec, Function function, Alias alias, LogGroup logs) {
}
