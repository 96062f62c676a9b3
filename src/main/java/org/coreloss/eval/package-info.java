/**
 * Evaluation of trained models, following the four seed studies: per-target regression metrics
 * (seed 001), the spectrum error SE and its intervals, KS-style maximal peak misfits (MEPD), their
 * L3/L2 clustering and correlations, and extrapolation analysis (seed 003), nearest-spectrum
 * misprediction analysis (seed 001, figure 3 and table 1). Definitions: docs/eval.md.
 */
package org.coreloss.eval;
