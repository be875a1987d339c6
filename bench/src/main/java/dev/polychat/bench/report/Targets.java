package dev.polychat.bench.report;

/** How a figure compares with its target, as the table shows it. */
final class Targets {
    private Targets() {
    }

    static String verdict(boolean met) {
        return met ? "ok" : "MISSED";
    }
}
