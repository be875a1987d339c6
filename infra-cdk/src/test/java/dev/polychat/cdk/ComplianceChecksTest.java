package dev.polychat.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.Bucket;

class ComplianceChecksTest {
    @Test
    void anUnacknowledgedFindingFailsTheSynth() {
        App app = new App(AppProps.builder().outdir("target/cdk.out-checks").build());
        Stack stack = new Stack(app, "Checked");
        new Bucket(stack, "WithoutAccessLogs");
        PolychatApp.addChecks(app);

        assertThatThrownBy(app::synth).hasMessageContaining("Validation failed");
        assertThat(Path.of("target/cdk.out-checks/validation-report.json"))
                .content().contains("AwsSolutions-S1").contains("Checked/WithoutAccessLogs");
    }
}
