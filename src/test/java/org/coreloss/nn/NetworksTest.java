package org.coreloss.nn;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class NetworksTest {

    @Test
    void regressorParameterCountMatchesDl4j() {
        RegressorSpec s = RegressorSpec.seed001(160, List.of(256, 256), 1e-4, 6);
        ComputationGraph g = Networks.build(s, 1, 1e-3);
        assertEquals(160 * 256 + 256 + 256 * 256 + 256 + 256 * 6 + 6, s.parameterCount());
        assertEquals(s.parameterCount(), g.numParams());
        INDArray out = g.outputSingle(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 160));
        assertArrayEquals(new long[]{3, 6}, out.shape());
    }

    @Test
    void softmaxHeadSumsToOne() {
        RegressorSpec s = RegressorSpec.classifier(20, List.of(8), 0.5, 0, 3);
        INDArray out = Networks.build(s, 2, 1e-3).outputSingle(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 20));
        for (int i = 0; i < 4; i++) assertEquals(1.0, out.getRow(i).sumNumber().doubleValue(), 1e-5);
    }

    @ParameterizedTest
    @EnumSource(GeneratorSpec.Arch.class)
    void smallGeneratorsBuildRunAndCountParameters(GeneratorSpec.Arch arch) {
        for (int split : new int[]{0, 20}) {
            GeneratorSpec s = new GeneratorSpec(9, arch, 12, 10, 2, 4, 3, 50, split);
            ComputationGraph g = Networks.build(s, 3, 1e-3);
            assertEquals(s.parameterCount(), g.numParams(), arch + " split=" + split);
            INDArray out = g.outputSingle(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 9));
            assertArrayEquals(new long[]{5, 50}, out.shape());
            // one fit step runs backprop through the reshapes
            g.fit(new org.nd4j.linalg.dataset.DataSet(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 9),
                    Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 50)));
            assertTrue(Double.isFinite(g.score()));
        }
    }

    @ParameterizedTest
    @EnumSource(GeneratorSpec.Arch.class)
    void paperSizesAreConstructible(GeneratorSpec.Arch arch) {
        GeneratorSpec s = GeneratorSpec.paper(252, arch, 5, 501, 0);
        assertNotNull(Networks.configuration(s, 1, 1e-4).toJson());
        GeneratorSpec split = GeneratorSpec.paper(252, arch, 7, 501, 250);
        assertNotNull(Networks.configuration(split, 1, 1e-4).toJson());
        // reference numbers computed by hand for the 5-layer networks
        long pre = 252L * 260 + 260 + 260L * 160 + 160;
        long expected = switch (arch) {
            case DNN -> pre + 160L * 1000 + 1000 + 4 * (1000L * 1000 + 1000) + 1000L * 501 + 501;
            case CNN, TCNN -> pre + (25L * 165 + 165) + 4 * (25L * 165 * 165 + 165) + 165L * 160 * 501 + 501;
            case LCNN -> pre + (160L * 25 * 165 + 165) + 4 * (160L * 25 * 165 * 165 + 165) + 165L * 160 * 501 + 501;
        };
        assertEquals(expected, s.parameterCount());
    }

    @Test
    void specsRejectBadValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSpec(9, GeneratorSpec.Arch.CNN, 260, 160, 5, 165, 24, 501, 0));
        assertTrue(e.getMessage().contains("kernelSize"));
        assertThrows(IllegalArgumentException.class, () -> RegressorSpec.seed001(160, List.of(0), 0, 6));
        assertThrows(IllegalArgumentException.class, () -> new RegressorSpec(160, 0, List.of(8), 1.0, 0, 6,
                RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MAE));
        assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.paper(9, GeneratorSpec.Arch.DNN, 5, 501, 501));
    }
}
