#!/usr/bin/env python3
"""Writes data/fe-k-fdmnes-demo: synthetic Fe K-edge XANES in FDMNES's convolution-output layout
(<id>_conv.txt: the column line 'Energy <xanes>', then absolute energy and intensity) and one .xyz cluster per
spectrum (<id>.xyz), for the 'bring your own spectra and structures' tutorial and its test.

NOT an FDMNES calculation: a small, deterministic, documented model (standard library only, seed 20240614) whose
spectra depend on the cluster geometry the way K-edge XANES does qualitatively:
  * Fe at the origin, CN = 4, 5 or 6 O neighbours on the ideal tetrahedron / trigonal bipyramid / octahedron
    directions, each turned by up to ~6 degrees; mean Fe-O distance Rbar ~ U(1.86, 2.14) A, each bond
    R_i = Rbar + N(0, 0.04 A); 4 to 8 second-shell O at 3.4-3.9 A (beyond the 2.6 A bond cut-off);
  * edge: arctan step at E0 = 7120 eV - 10 eV/A x (Rbar - 2.0 A) (shorter bonds, higher edge), width 1.5 eV;
  * pre-edge (1s -> 3d): Gaussian at E0 - 7 eV, sigma 0.8 eV, height 0.12 / 0.07 / 0.03 for CN 4 / 5 / 6
    (stronger without inversion symmetry, cf. Westre et al., JACS 119 (1997) 6297);
  * per neighbour j at distance R_j, multiple-scattering resonances following Natoli's rule (E - E0) R^2 = const:
    + a Lorentzian (FWHM 7 eV, height 0.16) at E0 + 110 eV A^2 / R_j^2 and - one (FWHM 12 eV, height 0.07) at
    E0 + 260 eV A^2 / R_j^2; second-shell atoms at 0.25 of that height;
  * files alternate between two FDMNES-like output grids (7100-7180 eV at 0.5 eV; 7098-7182 eV at 0.4 eV), so a
    reader must put them on one grid.
Run: python3 tools/make_fe_k_fdmnes_demo.py  (writes the same bytes every time)."""
import math
import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "fe-k-fdmnes-demo")
N = 180
SEED = 20240614

POLY = {
    4: [(1, 1, 1), (1, -1, -1), (-1, 1, -1), (-1, -1, 1)],
    5: [(0, 0, 1), (0, 0, -1), (1, 0, 0), (-0.5, math.sqrt(3) / 2, 0), (-0.5, -math.sqrt(3) / 2, 0)],
    6: [(1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)],
}
PRE = {4: 0.12, 5: 0.07, 6: 0.03}


def unit(v):
    n = math.sqrt(sum(x * x for x in v))
    return [x / n for x in v]


def lorentz(e, c, fwhm):
    return 1.0 / (1.0 + (2.0 * (e - c) / fwhm) ** 2)


def main():
    rng = random.Random(SEED)
    os.makedirs(os.path.join(OUT, "spectra"), exist_ok=True)
    os.makedirs(os.path.join(OUT, "structures"), exist_ok=True)
    for n in range(N):
        sid = "fe_%03d" % (n + 1)
        cn = (4, 5, 6)[n % 3]
        rbar = rng.uniform(1.86, 2.14)
        atoms = [("Fe", (0.0, 0.0, 0.0))]
        shells = []
        for d in POLY[cn]:
            u = unit([x + rng.gauss(0, 0.06) for x in unit(d)])
            r = rbar + rng.gauss(0, 0.04)
            atoms.append(("O", tuple(r * x for x in u)))
            shells.append((r, 1.0))
        for _ in range(rng.randint(4, 8)):
            u = unit([rng.gauss(0, 1) for _ in range(3)])
            r = rng.uniform(3.4, 3.9)
            atoms.append(("O", tuple(r * x for x in u)))
            shells.append((r, 0.25))
        with open(os.path.join(OUT, "structures", sid + ".xyz"), "w") as f:
            f.write("%d\n%s: synthetic Fe-O cluster (tools/make_fe_k_fdmnes_demo.py, seed %d)\n" % (len(atoms), sid, SEED))
            for s, (x, y, z) in atoms:
                f.write("%-2s %12.6f %12.6f %12.6f\n" % (s, x, y, z))
        e0 = 7120.0 - 10.0 * (rbar - 2.0)
        lo, hi, step = (7100.0, 7180.0, 0.5) if n % 2 == 0 else (7098.0, 7182.0, 0.4)
        m = int(round((hi - lo) / step)) + 1
        with open(os.path.join(OUT, "spectra", sid + "_conv.txt"), "w") as f:
            f.write("    Energy    <xanes>\n")
            for i in range(m):
                e = lo + i * step
                mu = 0.5 + math.atan((e - e0) / 1.5) / math.pi
                mu += PRE[cn] * math.exp(-0.5 * ((e - (e0 - 7.0)) / 0.8) ** 2)
                for r, w in shells:
                    mu += w * 0.16 * lorentz(e, e0 + 110.0 / r ** 2, 7.0)
                    mu -= w * 0.07 * lorentz(e, e0 + 260.0 / r ** 2, 12.0)
                f.write("%10.2f %15.7E\n" % (e, mu * 1e-3))


if __name__ == "__main__":
    main()
