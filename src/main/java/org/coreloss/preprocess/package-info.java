/**
 * Preprocessing: {@link org.coreloss.preprocess.Transform}s fitted on training data and applied to
 * the rest, each recording itself into the dataset history; {@link org.coreloss.preprocess.Pipeline}.
 */
package org.coreloss.preprocess;
