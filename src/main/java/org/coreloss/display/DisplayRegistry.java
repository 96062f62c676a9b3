package org.coreloss.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Maps Java objects to MIME bundles. The most specific registered type wins (a renderer for a
 * subclass beats one for its superclass or interface); later registrations for the same type replace
 * earlier ones. Thread-safe.
 */
public final class DisplayRegistry {
    private record Entry(Class<?> type, Function<Object, MimeBundle> renderer) {}

    private final List<Entry> entries = new ArrayList<>();

    /** A registry with every {@link RendererProvider} found on the class path registered. */
    public static DisplayRegistry withProviders(ClassLoader loader) {
        DisplayRegistry r = new DisplayRegistry();
        for (RendererProvider p : ServiceLoader.load(RendererProvider.class, loader)) {
            p.register(r);
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    public synchronized <T> DisplayRegistry register(Class<T> type, Function<? super T, MimeBundle> renderer) {
        entries.removeIf(e -> e.type.equals(type));
        entries.add(new Entry(type, o -> ((Function<Object, MimeBundle>) (Function<?, ?>) renderer).apply(o)));
        return this;
    }

    /** The bundle for {@code obj} from the most specific renderer, or empty if none applies. */
    public synchronized Optional<MimeBundle> render(Object obj) {
        if (obj == null) return Optional.empty();
        Entry best = null;
        for (Entry e : entries) {
            if (e.type.isInstance(obj) && (best == null || best.type.isAssignableFrom(e.type))) best = e;
        }
        return best == null ? Optional.empty() : Optional.ofNullable(best.renderer.apply(obj));
    }

    public synchronized boolean canRender(Object obj) {
        return obj != null && entries.stream().anyMatch(e -> e.type.isInstance(obj));
    }
}
