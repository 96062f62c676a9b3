/**
 * Spectra datasets ({@link org.coreloss.data.SpectraDataset}: float32 spectra + Tablesaw labels),
 * the bundled-data catalog ({@link org.coreloss.data.Datasets}, {@link org.coreloss.data.BundledDataset}),
 * seeded {@link org.coreloss.data.Splits} and {@link org.coreloss.data.NearestSpectra}.
 */
package org.coreloss.data;
