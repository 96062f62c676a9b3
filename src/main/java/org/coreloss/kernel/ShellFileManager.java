package org.coreloss.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * The file manager under JShell's in-memory one, made for start-up and per-snippet speed.
 *
 * <p>Two things javac does for every task (JShell makes one per snippet, and two or more per cell) are
 * needless in the kernel and costly on its long class path (DL4J, ND4J, Spark: hundreds of jars):
 * <ul>
 *   <li>{@code JavacTool.getTask} passes {@code --multi-release <release>} to the file manager, and the
 *       standard file manager clears its class-path lookup caches on every such option, so each snippet
 *       looks every package up in every jar again. Here the option reaches the standard manager only when
 *       its value differs from the last one (it never does within one JVM); every other option (JShell's
 *       {@code -classpath} after {@code %jars}) passes through and clears the caches as before.</li>
 *   <li>{@code BasicJavacTask.initPlugins} loads compiler plugins with a {@link java.util.ServiceLoader}
 *       over the processor class loader, which is the whole class path when no processor path is set: a
 *       new class loader that opens and scans every jar, per snippet. The kernel compiles with
 *       {@code -proc:none} and uses no plugins, so {@link #getClassLoader} answers an empty loader (its
 *       parent is the platform loader, so the JDK's own services remain visible).</li>
 * </ul>
 * Everything else is forwarded to the standard file manager.
 */
final class ShellFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> implements StandardJavaFileManager {
    static final String MULTI_RELEASE = "--multi-release";

    private static final ClassLoader EMPTY = new ClassLoader("coreloss-no-plugins", ClassLoader.getPlatformClassLoader()) { };

    private String multiRelease;       // the value last handed to the standard manager
    private int multiReleaseSkipped;   // for tests: how many repeats were not passed on

    ShellFileManager(StandardJavaFileManager standard) {
        super(standard);
    }

    @Override
    public synchronized boolean handleOption(String current, Iterator<String> remaining) {
        if (MULTI_RELEASE.equals(current) && remaining.hasNext()) {
            String value = remaining.next();
            if (Objects.equals(value, multiRelease)) {
                multiReleaseSkipped++;
                return true;
            }
            boolean handled = fileManager.handleOption(current, java.util.List.of(value).iterator());
            if (handled) multiRelease = value;
            return handled;
        }
        return fileManager.handleOption(current, remaining);
    }

    /** How many repeated {@code --multi-release} options were not passed on (for tests). */
    synchronized int multiReleaseSkipped() { return multiReleaseSkipped; }

    @Override
    public ClassLoader getClassLoader(Location location) {
        return EMPTY; // only asked for annotation processors and compiler plugins; the kernel uses neither
    }

    // ---------------------------------------------------------------- StandardJavaFileManager, forwarded

    @Override
    public boolean isSameFile(FileObject a, FileObject b) { return fileManager.isSameFile(a, b); }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @SuppressWarnings("deprecation")
    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Iterable<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) { return fileManager.getJavaFileObjects(files); }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) { return fileManager.getJavaFileObjects(paths); }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) { return fileManager.getJavaFileObjects(names); }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) { return fileManager.getLocation(location); }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) { return fileManager.getLocationAsPaths(location); }

    @Override
    public Path asPath(FileObject file) { return fileManager.asPath(file); }

    @Override
    public void setPathFactory(PathFactory f) { fileManager.setPathFactory(f); }
}
