package org.coreloss.display;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.coreloss.structure.CoordinationRule;
import org.coreloss.structure.SiteAnalyzer;
import org.coreloss.structure.Structure;
import org.coreloss.structure.StructureReader;
import org.coreloss.structure.VoronoiCells;
import org.junit.jupiter.api.Test;

class StructureRenderersTest {
    @Test
    void rendersStructureSiteAndCell() throws Exception {
        DisplayRegistry r = DisplayRegistry.withProviders(getClass().getClassLoader());
        Structure s = StructureReader.read(Path.of("data/o-k-litmo/POSCAR_0k"));
        String html = r.render(s).orElseThrow().get(MimeBundle.TEXT_HTML);
        assertTrue(html.contains("Fe<sub>14</sub>Li<sub>42</sub>O<sub>49</sub>"), html);
        assertTrue(html.contains("1016.3754"), html);
        String site = r.render(SiteAnalyzer.analyze(s, 56, CoordinationRule.OXIDE_CATION_2_6A)).orElseThrow().get(MimeBundle.TEXT_HTML);
        assertTrue(site.contains("<td>O1</td>") && site.contains("Fe2 Li4"), site);
        assertTrue(r.render(VoronoiCells.cell(s, 56)).orElseThrow().get(MimeBundle.TEXT_PLAIN).startsWith("Voronoi cell of site 56"));
    }
}
