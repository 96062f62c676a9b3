package org.coreloss.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KernelSettingsTest {

    @Test
    void readsIJavaVariables() {
        KernelSettings s = KernelSettings.fromMap(Map.of(
                "IJAVA_CLASSPATH", "a.jar" + File.pathSeparator + " lib/*.jar " + File.pathSeparator,
                "IJAVA_STARTUP_SCRIPTS_PATH", "init.jsh",
                "IJAVA_STARTUP_SCRIPT", "int x = 1;",
                "IJAVA_TIMEOUT", "2500",
                "JPY_PARENT_PID", "1234"));
        assertEquals(List.of("a.jar", "lib/*.jar"), s.classpath());
        assertEquals(List.of("init.jsh"), s.startupScripts());
        assertEquals("int x = 1;", s.startupScript());
        assertEquals(2500, s.timeoutMs());
        assertEquals(1234, s.parentPid());
    }

    @Test
    void absentVariablesMeanNoLimitsAndNoParent() {
        KernelSettings s = KernelSettings.fromMap(Map.of());
        assertEquals(-1, s.timeoutMs());
        assertEquals(-1, s.parentPid());
        assertTrue(s.classpath().isEmpty());
    }

    @Test
    void badTimeoutNamesTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelSettings.fromMap(Map.of("IJAVA_TIMEOUT", "10s")));
        assertTrue(e.getMessage().contains("IJAVA_TIMEOUT"), e.getMessage());
    }
}
