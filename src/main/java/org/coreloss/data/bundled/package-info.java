/**
 * Bundled data sets that join spectra with labels computed at load time (for example per-site
 * geometry from {@code org.coreloss.structure}). Files live under the project's {@code data/} folder,
 * each with a PROVENANCE.md and licence.
 */
package org.coreloss.data.bundled;
