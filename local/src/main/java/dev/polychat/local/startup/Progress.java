package dev.polychat.local.startup;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/** Prints each start-up step as it finishes, with what it gave and how long it took. */
public final class Progress {
    private final PrintStream out;

    public Progress(PrintStream out) {
        this.out = out;
    }

    /** Runs a step; {@code describe} turns its result into the line's detail. */
    public <T> T step(String name, Supplier<T> work, Function<T, String> describe) {
        long started = System.nanoTime();
        T result = work.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "  %-22s %s (%.1f s)%n", name, describe.apply(result), seconds);
        out.flush();
        return result;
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }
}
