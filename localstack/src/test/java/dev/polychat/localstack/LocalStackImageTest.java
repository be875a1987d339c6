package dev.polychat.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which image the LocalStack tests start; needs no Docker. */
class LocalStackImageTest {

    @Test
    void withNothingSetThePinnedFreeImageRunsWithoutAToken() {
        LocalStackImage image = LocalStackImage.choose(Map.of());

        assertThat(image.name()).isEqualTo("localstack/localstack:4.14.0");
        assertThat(image.authToken()).isEmpty();
    }

    @Test
    void aNewerTagIsUsedWithTheAuthTokenWhenBothAreSet() {
        LocalStackImage image = LocalStackImage.choose(Map.of(
                "POLYCHAT_LOCALSTACK_IMAGE", "localstack/localstack-pro:2026.11",
                "LOCALSTACK_AUTH_TOKEN", "ls-secret-token"));

        assertThat(image.name()).isEqualTo("localstack/localstack-pro:2026.11");
        assertThat(image.authToken()).contains("ls-secret-token");
        assertThat(image.toString()).doesNotContain("ls-secret-token");
    }

    @Test
    void theTokenIsPassedOnWithThePinnedImageToo() {
        assertThat(LocalStackImage.choose(Map.of("LOCALSTACK_AUTH_TOKEN", "t")).authToken())
                .contains("t");
    }

    @Test
    void aNewerTagWithoutATokenIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> LocalStackImage.choose(Map.of(
                "POLYCHAT_LOCALSTACK_IMAGE", "localstack/localstack:latest")))
                .hasMessageContaining("LOCALSTACK_AUTH_TOKEN")
                .hasMessageContaining("4.14.0");
    }
}
