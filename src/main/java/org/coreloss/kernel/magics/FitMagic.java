package org.coreloss.kernel.magics;

import org.coreloss.data.bundled.LEdgeMeasured;
import org.coreloss.data.io.ColumnSpectrum;
import org.coreloss.data.io.ColumnSpectrumReader;
import org.coreloss.fit.EngineForwardModel;
import org.coreloss.fit.FitOptions;
import org.coreloss.fit.FitResult;
import org.coreloss.fit.FitSetup;
import org.coreloss.fit.Fitter;
import org.coreloss.fit.IonRanking;
import org.coreloss.kernel.magic.Magic;
import org.coreloss.kernel.magic.MagicContext;
import org.coreloss.kernel.magic.MagicException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code %fit}: fits the multiplet model to a measured spectrum in a notebook and shows the result
 * (data, fit, background, residual; parameter table with intervals) or, for several ions, the ranking.
 * {@code %fit --ion Mn2+,Mn3+,Mn4+ (--dataset mno-data2 | --file F [--column TEY]) [--crop 636:660]
 * [--preset measured|simulated] [--set name=value|name=min:max|name~mean:sd]... [--seed 1]
 * [--noise residual|difference|SIGMA] [--sampler auto|engine|emulator|none] [--as var]}.
 */
public final class FitMagic implements Magic {
    @Override public String name() { return "fit"; }

    @Override public String usage() {
        return "%fit --ion Ni2+[,Ni3+] (--dataset ID | --file F [--column TEY|TFY|PFY|N]) [--crop MIN:MAX] [--preset measured|simulated]"
                + " [--set name=value|name=min:max|name~mean:sd]... [--seed 1] [--noise residual|difference|SIGMA] [--sampler auto|engine|emulator|none] [--as var]";
    }

    @Override public String description() {
        return "Fits multiplet parameters (posterior medians and credible intervals) to a measured L-edge spectrum; ranks candidate ions by BIC.";
    }

    @Override public Object execute(MagicContext context, List<String> args, String body) throws Exception {
        List<String> ions = new ArrayList<>(), sets = new ArrayList<>();
        String file = null, dataset = null, column = null, crop = null, preset = "measured", noise = "residual", sampler = "auto", as = null;
        long seed = 1;
        for (int i = 0; i < args.size(); i++) {
            String k = args.get(i);
            if (i + 1 >= args.size()) throw new MagicException("%fit: option " + k + " needs a value; usage: " + usage());
            String v = args.get(++i);
            switch (k) {
                case "--ion" -> ions.addAll(Arrays.asList(v.split(",")));
                case "--file" -> file = v;
                case "--dataset" -> dataset = v;
                case "--column" -> column = v;
                case "--crop" -> crop = v;
                case "--preset" -> preset = v;
                case "--set" -> sets.add(v);
                case "--seed" -> {
                    try { seed = Long.parseLong(v); } catch (NumberFormatException e) { throw new MagicException("%fit: --seed " + v + ", expected an integer"); }
                }
                case "--noise" -> noise = v;
                case "--sampler" -> sampler = v;
                case "--as" -> as = v;
                default -> throw new MagicException("%fit: unknown option '" + k + "'; usage: " + usage());
            }
        }
        if (ions.isEmpty()) throw new MagicException("%fit: --ion is required; usage: " + usage());
        if ((file == null) == (dataset == null)) throw new MagicException("%fit: give exactly one of --file or --dataset");
        try {
            ColumnSpectrum s = file != null ? ColumnSpectrumReader.read(context.workingDirectory().resolve(file), column) : LEdgeMeasured.read(dataset);
            if (crop != null) {
                String[] b = crop.split(":");
                if (b.length != 2) throw new MagicException("%fit: --crop " + crop + ", expected MIN:MAX in eV");
                s = s.crop(Double.parseDouble(b[0]), Double.parseDouble(b[1]));
            }
            FitSetup setup = switch (preset.toLowerCase(Locale.ROOT)) {
                case "measured" -> FitSetup.measured(ions.get(0));
                case "simulated" -> FitSetup.simulated(ions.get(0), 300);
                default -> throw new MagicException("%fit: --preset " + preset + ", expected measured or simulated");
            };
            setup = setup.apply(sets);
            FitOptions o = FitOptions.defaults(seed);
            o = switch (noise.toLowerCase(Locale.ROOT)) {
                case "residual" -> o;
                case "difference" -> o.withNoise(FitOptions.Noise.DIFFERENCE, Double.NaN);
                default -> o.withNoise(FitOptions.Noise.GIVEN, Double.parseDouble(noise));
            };
            o = o.withSampler(FitOptions.Sampling.valueOf(sampler.toUpperCase(Locale.ROOT)));
            if (ions.size() == 1) {
                FitResult r = Fitter.fit(s, setup, new EngineForwardModel(setup.ion()), o, context.progress());
                if (as != null) context.setVariable(as, FitResult.class, r);
                return r;
            }
            IonRanking r = IonRanking.rank(s, ions, setup, o, context.progress());
            if (as != null) context.setVariable(as, IonRanking.class, r);
            return r;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new MagicException("%fit: " + e.getMessage());
        }
    }
}
