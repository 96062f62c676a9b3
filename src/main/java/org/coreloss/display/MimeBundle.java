package org.coreloss.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Jupyter MIME bundle: MIME type -> data. Text types carry a {@link String}; image/png carries
 * base64 text (no line breaks); image/svg+xml carries the SVG document as text.
 */
public final class MimeBundle {
    public static final String TEXT_PLAIN = "text/plain";
    public static final String TEXT_HTML = "text/html";
    public static final String IMAGE_PNG = "image/png";
    public static final String IMAGE_SVG = "image/svg+xml";

    private final Map<String, String> data = new LinkedHashMap<>();

    public MimeBundle put(String mime, String value) {
        if (mime == null || value == null) throw new IllegalArgumentException("MIME type and value must be non-null");
        data.put(mime, value);
        return this;
    }

    public static MimeBundle text(String s) { return new MimeBundle().put(TEXT_PLAIN, s); }

    public String get(String mime) { return data.get(mime); }
    public boolean has(String mime) { return data.containsKey(mime); }
    public Map<String, String> asMap() { return Collections.unmodifiableMap(data); }

    /** Keeps only the requested MIME types (others dropped); returns this bundle. */
    public MimeBundle retain(java.util.Collection<String> mimes) {
        data.keySet().retainAll(mimes);
        return this;
    }

    @Override public String toString() { return "MimeBundle" + data.keySet(); }
}
