#!/usr/bin/env python3
"""Writes the C K-edge HDF5 format fixtures of this folder (ours, synthetic; not data from the database).

Layout written (the one documented by the database authors' writer, nmdl-mizo/ck_edge_maker, cli.py, and read by
its ck_edge_maker/dataset.py; see docs/data.md):
  site file: /<qm9 index>/<site index>/energies (1-D float64, eV, relative), /spectrum (n x 4 float64: total, x, y, z),
             attributes multiplicity, final_energy_gs, final_energy_ex, excitation_energy on the site group;
  molecule file: /<qm9 index>/energies (1-D float64, eV, absolute), /spectrum (n x 4, or n x 3 without the total).
Datasets are gzip level 9 as in the original writer. Needs h5py + numpy:  python make_fixtures.py
Spectra are Gaussians (sigma 0.5 eV, area 1) so that tests can check values analytically.
"""
import h5py
import numpy as np

SIGMA = 0.5


def gauss(e, centre):
    return np.exp(-0.5 * ((e - centre) / SIGMA) ** 2) / (np.sqrt(2 * np.pi) * SIGMA)


def spectrum(e, cx, cy, cz, total=True):
    xyz = np.stack([gauss(e, cx), gauss(e, cy), gauss(e, cz)], axis=1)
    return np.hstack([xyz.mean(axis=1, keepdims=True), xyz]) if total else xyz


def put(group, name, data):
    group.create_dataset(name=name, data=data, compression="gzip", compression_opts=9)


def site(f, mol, s, exen, mult, e, centres, gs=-1000.0):
    g = f.create_group(f"/{mol}").create_group(s) if f"/{mol}" not in f else f[f"/{mol}"].create_group(s)
    put(g, "energies", e)
    put(g, "spectrum", spectrum(e, *centres))
    g.attrs["multiplicity"] = mult
    g.attrs["final_energy_gs"] = gs
    g.attrs["final_energy_ex"] = gs + exen
    g.attrs["excitation_energy"] = exen
    return g


# site-specific spectra: molecules 1, 7, 12 (group names are QM9 indices; site names are atom indices)
e_rel = np.round(np.arange(-3.0, 12.0, 0.1), 10)           # relative energies, 0 = first unoccupied level
with h5py.File("site_spectra_fixture.hdf5", "w") as f:
    site(f, 1, "0", 290.0, np.int64(1), e_rel, (1.0, 2.0, 3.0))
    site(f, 7, "0", 287.5, np.int64(2), e_rel, (0.5, 0.5, 4.0))
    site(f, 12, "10", 292.0, np.int64(1), e_rel, (2.0, 2.0, 2.0))   # written first: readers must sort by number
    site(f, 12, "2", 291.0, np.int64(1), e_rel, (1.0, 1.0, 1.0))

# molecular spectra (absolute energies), with and without the total column
e_abs = np.round(np.arange(280.0, 300.0, 0.1), 10)
with h5py.File("mol_spectra_fixture.hdf5", "w") as f:
    for mol, c in ((7, (288.0, 289.0, 290.0)), (1, (291.0, 291.0, 291.0))):
        g = f.create_group(f"/{mol}")
        put(g, "energies", e_abs)
        put(g, "spectrum", spectrum(e_abs, *c))
with h5py.File("mol_spectra_nototal_fixture.hdf5", "w") as f:
    g = f.create_group("/7")
    put(g, "energies", e_abs)
    put(g, "spectrum", spectrum(e_abs, 288.0, 289.0, 290.0, total=False))

# bad input
with h5py.File("bad_no_excitation_energy.hdf5", "w") as f:
    g = site(f, 7, "0", 287.5, np.int64(2), e_rel, (0.5, 0.5, 4.0))
    del g.attrs["excitation_energy"]
with h5py.File("bad_rows_mismatch.hdf5", "w") as f:
    g = f.create_group("/7").create_group("0")
    put(g, "energies", e_rel)
    put(g, "spectrum", spectrum(e_rel, 1.0, 2.0, 3.0)[:-5])
    for k, v in (("multiplicity", 1), ("final_energy_gs", -1.0), ("final_energy_ex", 289.0), ("excitation_energy", 290.0)):
        g.attrs[k] = v
with h5py.File("bad_molecule_name.hdf5", "w") as f:
    site(f, "gdb_7", "0", 287.5, np.int64(2), e_rel, (0.5, 0.5, 4.0))
with h5py.File("bad_energies_order.hdf5", "w") as f:
    g = f.create_group("/7")
    put(g, "energies", e_abs[::-1])
    put(g, "spectrum", spectrum(e_abs, 288.0, 289.0, 290.0))
with h5py.File("bad_spectrum_1d.hdf5", "w") as f:
    g = f.create_group("/7")
    put(g, "energies", e_abs)
    put(g, "spectrum", gauss(e_abs, 289.0))
with open("bad_not_hdf5.hdf5", "w") as f:
    f.write("energy,intensity\n290.0,1.0\n")
