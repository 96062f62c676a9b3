package org.coreloss.provenance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded processing step: a name (e.g. {@code "gaussian-broadening"}) and its parameters
 * (numbers with their units in the key, e.g. {@code sigmaEv}; strings; lists). Immutable.
 */
public record Step(String name, Map<String, Object> parameters) {
    public Step {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("step name: expected a non-blank name");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
    }

    /** A step from alternating key, value arguments: {@code Step.of("crop", "minEv", 0.0, "maxEv", 10.0)}. */
    public static Step of(String name, Object... keyValues) {
        if (keyValues.length % 2 != 0) throw new IllegalArgumentException("Step.of: expected key/value pairs, got " + keyValues.length + " arguments");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        return new Step(name, m);
    }

    @Override public String toString() { return name + parameters; }
}
