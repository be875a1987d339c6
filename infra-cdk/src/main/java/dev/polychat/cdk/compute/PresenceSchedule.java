package dev.polychat.cdk.compute;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.constructs.Construct;

/**
 * Runs the presence sweep every minute, so a user who went silent is announced offline within
 * the contract's 150 s (90 s of silence plus at most a minute's wait). A missed run is not
 * retried: the next one a minute later does the same work.
 */
public final class PresenceSchedule extends Construct {
    public PresenceSchedule(Construct scope, String id, ChatFunction sweep) {
        super(scope, id);

        Rule.Builder.create(this, "EveryMinute")
                .description("PolyChat presence sweep")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(List.of(new LambdaFunction(sweep.alias(), LambdaFunctionProps.builder()
                        .retryAttempts(0)
                        .maxEventAge(Duration.seconds(60))
                        .build())))
                .build();
    }
}
