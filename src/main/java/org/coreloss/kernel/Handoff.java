package org.coreloss.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes real Java objects from the kernel (magics, display code) into notebook variables. The shell
 * runs in the kernel's process and sees this class through the parent class loader, so
 * {@code Type name = (Type) org.coreloss.kernel.Handoff.take("k");} evaluated in the shell receives the
 * very object that was {@link #put}.
 */
public final class Handoff {
    private static final Map<String, Object> VALUES = new ConcurrentHashMap<>();
    private static final AtomicLong COUNTER = new AtomicLong();

    private Handoff() {}

    /** Stores {@code value} and returns a fresh key for {@link #take}. */
    public static String put(Object value) {
        String key = "h" + COUNTER.incrementAndGet();
        VALUES.put(key, value == null ? NULL : value);
        return key;
    }

    /** Removes and returns the value stored under {@code key}; throws if the key is unknown. */
    public static Object take(String key) {
        Object v = VALUES.remove(key);
        if (v == null) throw new IllegalStateException("handoff key '" + key + "' is unknown or already taken");
        return v == NULL ? null : v;
    }

    private static final Object NULL = new Object();
}
