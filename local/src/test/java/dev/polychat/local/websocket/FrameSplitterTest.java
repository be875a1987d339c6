package dev.polychat.local.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSplitterTest {

    @Test
    void aMessageWithinOneFrameStaysWhole() {
        assertThat(FrameSplitter.split("hello", 32)).containsExactly("hello");
    }

    @Test
    void framesHoldAtMostTheQuotaInUtf8BytesAndNeverSplitACharacter() {
        String message = "ab€😀".repeat(1000);

        List<String> frames = FrameSplitter.split(message, 4096);

        assertThat(String.join("", frames)).isEqualTo(message);
        for (String frame : frames) {
            assertThat(frame.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
            assertThat(Character.isHighSurrogate(frame.charAt(frame.length() - 1))).isFalse();
        }
    }
}
