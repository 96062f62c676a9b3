/** Coreloss: machine learning on core-loss spectra. */
package org.coreloss;
