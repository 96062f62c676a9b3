/**
 * Statistics used by the evaluation of seed 003 (and general use): seeded k-means++ clustering,
 * Gaussian kernel density estimates in 1D and 2D, Gaussian-process regression and Pearson
 * correlation. Own code on top of Hipparchus (Apache-2.0) linear algebra and distributions.
 * Numerical code only: no I/O, no printing.
 */
package org.coreloss.stats;
