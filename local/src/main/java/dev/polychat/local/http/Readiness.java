package dev.polychat.local.http;

/** Whether every part of the stack has started; {@code /health} reports it. */
public final class Readiness {
    private volatile boolean ready;

    public void markReady() {
        ready = true;
    }

    public void markStopping() {
        ready = false;
    }

    public boolean isReady() {
        return ready;
    }
}
