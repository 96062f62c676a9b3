package org.coreloss.display;

/**
 * Registers renderers with a {@link DisplayRegistry}. Implementations are found with
 * {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.coreloss.display.RendererProvider}, so packages add renderers for their
 * own types (figures, reports, datasets) without the kernel knowing them.
 */
public interface RendererProvider {
    void register(DisplayRegistry registry);
}
