package org.coreloss.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

class ShellFileManagerTest {
    @Test
    void repeatedMultiReleaseOptionIsNotPassedOnButOthersAre() throws Exception {
        try (ShellFileManager fm = new ShellFileManager(ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null))) {
            String release = String.valueOf(Runtime.version().feature());
            fm.handleOption(ShellFileManager.MULTI_RELEASE, List.of(release).iterator());
            assertEquals(0, fm.multiReleaseSkipped());
            for (int i = 0; i < 3; i++) fm.handleOption(ShellFileManager.MULTI_RELEASE, List.of(release).iterator());
            assertEquals(3, fm.multiReleaseSkipped());
            fm.handleOption(ShellFileManager.MULTI_RELEASE, List.of("11").iterator()); // a change passes
            assertEquals(3, fm.multiReleaseSkipped());
            fm.handleOption("-classpath", List.of("/nonexistent-a").iterator());
            assertEquals("/nonexistent-a", fm.getLocation(StandardLocation.CLASS_PATH).iterator().next().getPath());
        }
    }

    @Test
    void pluginAndProcessorLoaderSeesNoClassPath() throws Exception {
        try (ShellFileManager fm = new ShellFileManager(ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null))) {
            ClassLoader cl = fm.getClassLoader(StandardLocation.ANNOTATION_PROCESSOR_PATH);
            assertNull(cl.getResource("org/coreloss/kernel/ShellFileManager.class"));
            assertThrows(ClassNotFoundException.class, () -> cl.loadClass(ShellFileManager.class.getName()));
            assertEquals(String.class, cl.loadClass("java.lang.String"));
        }
    }
}
