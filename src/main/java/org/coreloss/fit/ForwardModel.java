package org.coreloss.fit;

import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.MultipletParameters;

/**
 * What the fit asks of a spectrum simulator: the line shape of one ion for the nine multiplet inputs
 * (Dq, Ds, Dt, S1, S2, T, Gaussian FWHM, Lorentzian L3/L2 FWHM) on a uniform grid of the engine's
 * relative energy axis (E_f - E_i in eV; the ion's L3 edge is at -zeta2p/2). The scale is arbitrary
 * (the measurement model multiplies by a free scale). Implementations: {@link EngineForwardModel} (the
 * multiplet engine; exact) and {@link PredictorForwardModel} (a trained generator; fast, approximate,
 * so a fit with it is re-simulated with the engine at the answer).
 */
public interface ForwardModel {
    /** The ion simulated. */
    Ion ion();

    /** Short description for reports, e.g. {@code "engine"} or {@code "surrogate:<model>"}. */
    String kind();

    /** True for a trained approximation of the engine. */
    default boolean isSurrogate() { return false; }

    /** The line shape at {@code n} energies {@code startEv + k stepEv} (relative axis, eV). */
    double[] lineShape(MultipletParameters p, double startEv, double stepEv, int n);

    /** Whether {@code p} lies where the model can be trusted (a surrogate: inside its training domain). */
    default boolean inDomain(MultipletParameters p) { return true; }

    /** Number of spectra computed by the underlying simulator so far (engine diagonalisations for the engine). */
    default long simulatorCalls() { return 0; }
}
