package org.coreloss.kernel.magics;

import org.coreloss.data.SpectraDataset;
import org.coreloss.kernel.magic.Magic;
import org.coreloss.kernel.magic.MagicContext;
import org.coreloss.kernel.magic.MagicException;
import org.coreloss.nn.DatasetTraining;
import org.coreloss.nn.ModelFiles;
import org.coreloss.nn.TrainedModel;

import java.io.IOException;
import java.util.List;

/**
 * {@code %predict <modelVar|model.zip> <dataVar|name|path> [--as VAR]}: applies a trained model to a
 * dataset; regressors add {@code pred_<target>} columns, generators return generated spectra with the
 * dataset's labels. The result is bound to {@code VAR} (default {@code predicted}) and shown.
 */
public final class PredictMagic implements Magic {
    @Override public String name() { return "predict"; }

    @Override public String usage() { return "%predict <modelVar|model.zip> <dataVar|name|path> [--as VAR]"; }

    @Override public String description() { return "Apply a trained regressor or generator to a dataset."; }

    @Override public Object execute(MagicContext ctx, List<String> args, String body) throws IOException {
        String as = "predicted";
        List<String> pos = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--as")) {
                if (i + 1 >= args.size()) throw new MagicException("--as: expected a variable name");
                as = args.get(++i);
            } else if (args.get(i).startsWith("--")) {
                throw new MagicException("%predict: unknown option " + args.get(i));
            } else {
                pos.add(args.get(i));
            }
        }
        if (pos.size() != 2) throw new MagicException("usage: " + usage());
        TrainedModel m = model(ctx, pos.get(0));
        SpectraDataset ds = TrainMagic.data(ctx, pos.get(1));
        SpectraDataset out;
        try {
            out = DatasetTraining.predict(m, ds);
        } catch (IllegalArgumentException e) {
            throw new MagicException("%predict: " + e.getMessage());
        }
        ctx.setVariable(as, SpectraDataset.class, out);
        return out;
    }

    private static TrainedModel model(MagicContext ctx, String arg) throws IOException {
        Object v = null;
        try { v = ctx.getVariable(arg); } catch (MagicException notAVariable) { /* try as a file */ }
        if (v instanceof TrainedModel m) return m;
        if (v != null) throw new MagicException("variable '" + arg + "' is a " + v.getClass().getSimpleName() + ", expected TrainedModel");
        java.nio.file.Path p = ctx.workingDirectory().resolve(arg);
        if (!java.nio.file.Files.exists(p) && !java.nio.file.Files.exists(p.resolveSibling(p.getFileName() + ".zip"))) {
            throw new MagicException("'" + arg + "' is neither a TrainedModel variable nor a model file");
        }
        return ModelFiles.load(p);
    }
}
