/**
 * Fits of measured 2p (L2,3) XAS spectra with the multiplet model: the model of a measurement
 * ({@link org.coreloss.fit.SpectrumModel}: scale x multiplet line shape shifted in energy, two arctan edge
 * steps, a linear baseline), pluggable forward models ({@link org.coreloss.fit.ForwardModel}: the engine
 * with a stick-spectrum cache, or a trained generator through {@link org.coreloss.eval.Predictor}), a global
 * start (CMA-ES), local least squares (Levenberg-Marquardt), a seeded affine-invariant ensemble sampler for
 * the posterior (on the engine or on a validated local quadratic emulator), ion ranking by BIC, and the
 * calibration of the interval coverage on simulated spectra. See docs/fit.md.
 */
package org.coreloss.fit;
