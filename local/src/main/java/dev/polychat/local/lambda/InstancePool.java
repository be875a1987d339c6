package dev.polychat.local.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution environments of one function. Lambda hands an instance one event at a time and
 * starts another instance when events overlap; handlers are written for that, so they may keep
 * per-instance state that is not thread-safe. The pool keeps the same promise in one JVM: an
 * instance serves one invocation at a time, new ones are created on demand up to a limit, and
 * past the limit callers wait for a free one.
 */
final class InstancePool<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InstancePool.class);

    private final String functionName;
    private final Supplier<? extends T> factory;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<T> idle = new ConcurrentLinkedDeque<>();
    private final List<T> created = new ArrayList<>();

    InstancePool(String functionName, Supplier<? extends T> factory, int maxInstances) {
        this.functionName = functionName;
        this.factory = factory;
        this.permits = new Semaphore(maxInstances, true);
    }

    /** Creates one instance ahead of the first event, so a bad configuration shows at start. */
    void warm() {
        idle.addFirst(create());
    }

    T acquire() throws InterruptedException {
        permits.acquire();
        T instance = idle.pollFirst();
        if (instance != null) {
            return instance;
        }
        try {
            return create();
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    void release(T instance) {
        idle.addFirst(instance);
        permits.release();
    }

    private T create() {
        T instance = factory.get();
        synchronized (created) {
            created.add(instance);
            LOG.debug("{}: instance {} created", functionName, created.size());
        }
        return instance;
    }

    /** Closes the instances that hold resources (SDK clients, pools) and say so. */
    @Override
    public void close() {
        List<T> all;
        synchronized (created) {
            all = List.copyOf(created);
            created.clear();
        }
        for (T instance : all) {
            if (instance instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("{}: an instance did not close cleanly: {}", functionName,
                            e.toString());
                }
            }
        }
        idle.clear();
    }
}
