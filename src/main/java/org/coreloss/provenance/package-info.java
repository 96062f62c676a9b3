/** Provenance: {@link org.coreloss.provenance.RunRecord} (seeds, options, dataset hashes, versions, timings) and processing {@link org.coreloss.provenance.Step}s. */
package org.coreloss.provenance;
