package dev.polychat.local.websocket;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an outgoing text message into frames of at most the frame quota, measured in UTF-8
 * bytes, never inside a character: what API Gateway does with messages longer than a frame.
 */
final class FrameSplitter {
    private FrameSplitter() {
    }

    static List<String> split(String message, int maxFrameBytes) {
        List<String> frames = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        int i = 0;
        while (i < message.length()) {
            int codePoint = message.codePointAt(i);
            int size = utf8Length(codePoint);
            if (bytes + size > maxFrameBytes) {
                frames.add(message.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        frames.add(message.substring(start));
        return frames;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
