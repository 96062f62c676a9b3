package org.coreloss.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.coreloss.kernel.magic.Magic;

/**
 * The magics a kernel knows: the built-ins plus every {@link Magic} listed in
 * {@code META-INF/services/org.coreloss.kernel.magic.Magic} on the class path. A later registration of
 * the same name replaces an earlier one (service magics may override built-ins).
 */
public final class MagicRegistry {
    private final Map<String, Magic> magics = new LinkedHashMap<>();
    private final List<String> loadErrors = new ArrayList<>();

    public synchronized MagicRegistry register(Magic magic) {
        magics.put(magic.name(), magic);
        return this;
    }

    /** Registers every service-loaded magic visible to {@code loader}; broken providers are reported, not fatal. */
    public synchronized MagicRegistry loadServices(ClassLoader loader) {
        ServiceLoader<Magic> sl = ServiceLoader.load(Magic.class, loader);
        var it = sl.iterator();
        while (true) {
            try {
                if (!it.hasNext()) break;
                register(it.next());
            } catch (ServiceConfigurationError e) {
                loadErrors.add(e.getMessage());
            }
        }
        return this;
    }

    public synchronized Optional<Magic> find(String name) { return Optional.ofNullable(magics.get(name)); }

    /** All magics sorted by name. */
    public synchronized List<Magic> all() {
        List<Magic> l = new ArrayList<>(magics.values());
        l.sort(Comparator.comparing(Magic::name));
        return l;
    }

    /** Messages of providers that failed to load. */
    public synchronized List<String> loadErrors() { return List.copyOf(loadErrors); }
}
