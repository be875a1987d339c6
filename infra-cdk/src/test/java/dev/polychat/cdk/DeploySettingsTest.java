package dev.polychat.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;

class DeploySettingsTest {
    private static final String REPO = Path.of("..").toAbsolutePath().normalize().toString();

    @Test
    void withoutContextItDeploysAProductionInstallThatKeepsItsData() {
        DeploySettings settings = DeploySettings.fromContext(Map.of("repoRoot", REPO)::get);

        assertThat(settings.stage()).isEqualTo("prod");
        assertThat(settings.stackName()).isEqualTo("PolyChat-prod");
        assertThat(settings.production()).isTrue();
        assertThat(settings.multiAz()).isTrue();
        assertThat(settings.nat()).isEqualTo(DeploySettings.NatMode.GATEWAY);
        assertThat(settings.dataRemovalPolicy()).isEqualTo(RemovalPolicy.RETAIN);
        assertThat(settings.migrationRun()).isEmpty();
    }

    @Test
    void aDevInstallIsSingleAzAndDestroysItsData() {
        DeploySettings settings = DeploySettings.fromContext(
                Map.of("repoRoot", REPO, "stage", "dev")::get);

        assertThat(settings.multiAz()).isFalse();
        assertThat(settings.dataRemovalPolicy()).isEqualTo(RemovalPolicy.DESTROY);
    }

    @Test
    void findsTheRepositoryAboveTheWorkingDirectory() {
        DeploySettings settings = DeploySettings.fromContext(Map.<String, Object>of()::get);

        assertThat(settings.repoRoot().resolve("infra-cdk/pom.xml")).exists();
    }

    @Test
    void refusesAStageThatCannotNameResources() {
        assertThatThrownBy(() -> DeploySettings.fromContext(
                Map.of("repoRoot", REPO, "stage", "Prod_1")::get))
                .hasMessageContaining("'stage'").hasMessageContaining("Prod_1");
    }

    @Test
    void refusesAnUnknownNatMode() {
        assertThatThrownBy(() -> DeploySettings.fromContext(
                Map.of("repoRoot", REPO, "nat", "endpoints")::get))
                .hasMessageContaining("'nat'");
    }
}
