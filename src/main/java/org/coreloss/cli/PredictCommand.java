package org.coreloss.cli;

import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.SpectraIO;
import org.coreloss.nn.DatasetTraining;
import org.coreloss.nn.ModelFiles;
import org.coreloss.nn.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code coreloss predict --model MODEL --data D --out FILE}: applies a saved model to a dataset. Regressors
 * add {@code pred_<target>} columns; generators write the generated spectra with the dataset's labels. The
 * output format follows the extension of {@code --out} (see {@link SpectraIO}).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Apply a saved model (coreloss train) to a dataset and write the result.")
public final class PredictCommand implements CliCommand, Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model zip (or base path) written by coreloss train.")
    Path model;

    @Mixin
    ReadOptionsMixin read = new ReadOptionsMixin();

    @Option(names = "--data", required = true, description = "Bundled dataset name, dataset path, or database folder.")
    String data;

    @Option(names = "--out", required = true, description = "Output dataset path (format by extension, e.g. .csv or a folder).")
    Path out;

    @Override
    public Integer call() throws Exception {
        TrainedModel m;
        SpectraDataset result;
        try {
            m = ModelFiles.load(model);
            result = DatasetTraining.predict(m, DataSources.load(data, read.options()));
        } catch (IllegalArgumentException e) {
            System.err.println("coreloss predict: " + e.getMessage());
            return 2;
        }
        SpectraIO.write(result, out);
        System.out.println(out + ": " + result.size() + " rows predicted by " + m);
        return 0;
    }
}
