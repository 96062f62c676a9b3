/**
 * The four studies of {@code ../shared/seeds/} as typed pipelines: per study an options record with
 * {@code QUICK} and {@code FULL} presets, a result record holding every number the README and
 * {@code docs/paper-*.md} quote, and a {@code check(Thresholds)} that throws {@link org.coreloss.studies.StudyCheckException}
 * when the study's claim fails. Runs write their {@link org.coreloss.provenance.RunRecord} together with the result summary
 * as JSON ({@link org.coreloss.studies.StudyOutput}); the committed files live under {@code results/paper-00N/}.
 * Notebooks call these classes and draw the figures; {@code coreloss study} runs them from the command line.
 */
package org.coreloss.studies;
