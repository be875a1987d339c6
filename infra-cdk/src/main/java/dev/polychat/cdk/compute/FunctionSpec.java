package dev.polychat.cdk.compute;

import software.amazon.awscdk.Duration;

/**
 * One Lambda function to deploy.
 *
 * @param id construct id, also the function's name in the console and on the dashboard
 * @param module the {@code functions/<module>} whose jar holds the handler
 * @param handler the handler class (each is a {@code RequestHandler}, so no method is named)
 * @param memoryMb memory, which also buys CPU: 1,769 MB is one full vCPU
 * @param timeout the longest one call may take
 * @param description what the function does, shown in the console
 */
public record FunctionSpec(
        String id,
        String module,
        String handler,
        int memoryMb,
        Duration timeout,
        String description) {
}
