package dev.polychat.cdk;

import static dev.polychat.cdk.TemplateView.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/** {@code -c stage=dev -c nat=instance} in a concrete account: cheap and disposable. */
class DevInstallTest {
    private static Synthesized synthesized;
    private static TemplateView view;

    @BeforeAll
    static void synthesize() {
        synthesized = Synthesized.stage("dev");
        view = new TemplateView(synthesized.template);
    }

    @Test
    void synthesizesInAConcreteAccountWithEveryFindingFixedOrAcknowledged() {
        assertThatCode(() -> synthesized.app.synth()).doesNotThrowAnyException();
    }

    @Test
    void dataIsDestroyedWithTheStack() {
        for (String type : new String[] {"AWS::DynamoDB::Table", "AWS::RDS::DBInstance",
                "AWS::SecretsManager::Secret", "AWS::Logs::LogGroup"}) {
            for (Map<String, Object> resource : view.resources(type).values()) {
                assertThat(resource).as(type).containsEntry("DeletionPolicy", "Delete");
            }
        }
        Map<String, Object> database = properties(
                view.resources("AWS::RDS::DBInstance").values().iterator().next());
        assertThat(database).containsEntry("DeletionProtection", false)
                .containsEntry("MultiAZ", false);
    }

    @Test
    void aNatInstanceReplacesTheNatGateway() {
        assertThat(view.resources("AWS::EC2::NatGateway")).isEmpty();
        assertThat(view.resources("AWS::EC2::Instance").values()).singleElement()
                .satisfies(nat -> assertThat(properties(nat))
                        .containsEntry("InstanceType", "t4g.nano")
                        .containsEntry("SourceDestCheck", false));
        assertThat(view.resources("AWS::EC2::SecurityGroup").values().toString())
                .contains("traffic from the VPC to the internet")
                .contains("CidrIp=10.40.0.0/16");
    }

    @Test
    void logsAreKeptForAWeek() {
        for (Map<String, Object> group : view.resources("AWS::Logs::LogGroup").values()) {
            assertThat(properties(group)).containsEntry("RetentionInDays", 7);
        }
    }

    @Test
    void withoutAWebBuildAPlaceholderPageIsDeployedAndSynthSaysSo() {
        Annotations.fromStack(synthesized.stack).hasWarning("/PolyChat-dev/Web",
                Match.stringLikeRegexp(".*placeholder page.*"));
    }
}
