package org.coreloss.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MagicSyntaxTest {

    @Test
    void cellMagicTakesTheRestOfTheCellAsBody() {
        List<MagicSyntax.Part> parts = MagicSyntax.parse("\n%%time --label 'a b'\nint x = 1;\nx + 1");
        assertEquals(1, parts.size());
        MagicSyntax.CellMagicPart cm = assertInstanceOf(MagicSyntax.CellMagicPart.class, parts.get(0));
        assertEquals("time", cm.name());
        assertEquals(List.of("--label", "a b"), cm.args());
        assertEquals("int x = 1;\nx + 1", cm.body());
        assertEquals(2, cm.firstLine());
    }

    @Test
    void lineMagicsSplitJavaIntoPartsWithTheirCellLines() {
        List<MagicSyntax.Part> parts = MagicSyntax.parse("int a = 1;\n%jars lib/*.jar\nint b = 2;\nb\n  %help");
        assertEquals(4, parts.size());
        assertEquals(new MagicSyntax.JavaPart("int a = 1;", 1), parts.get(0));
        assertEquals(new MagicSyntax.LineMagicPart("jars", List.of("lib/*.jar"), 2), parts.get(1));
        assertEquals(new MagicSyntax.JavaPart("int b = 2;\nb", 3), parts.get(2));
        assertEquals(new MagicSyntax.LineMagicPart("help", List.of(), 5), parts.get(3));
    }

    @Test
    void percentInsideJavaIsNotAMagic() {
        List<MagicSyntax.Part> parts = MagicSyntax.parse("int r = 7 % 3;\nr");
        assertEquals(1, parts.size());
        assertInstanceOf(MagicSyntax.JavaPart.class, parts.get(0));
    }

    @Test
    void argumentsSplitLikeAShell() {
        assertEquals(List.of("a", "b c", "d\"e", "f g", "h"), MagicSyntax.splitArgs(" a 'b c' \"d\\\"e\" f\\ g h "));
        assertEquals(List.of(""), MagicSyntax.splitArgs("''"));
        assertTrue(MagicSyntax.splitArgs("   ").isEmpty());
    }

    @Test
    void unclosedQuoteIsAnErrorNamingTheQuote() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MagicSyntax.splitArgs("a 'b"));
        assertTrue(e.getMessage().contains("unclosed ' quote"), e.getMessage());
    }
}
