package org.coreloss.multiplet;

/** Where the transition energies (poles) of the stick spectrum are placed (METHOD.md section 8). */
public enum PoleConvention {
    /** E_f - E_a: final eigenvalue minus initial eigenvalue (the physical choice; default). */
    FINAL_MINUS_INITIAL,
    /**
     * E_f - &lt;a|H_f|a&gt;: Quanty's CreateSpectra convention, measuring poles from the expectation
     * value of the final Hamiltonian in the initial state (a rigid ~0.08 eV shift for Ni2+); use it to
     * compare with Quanty/Crispy output.
     */
    QUANTY
}
