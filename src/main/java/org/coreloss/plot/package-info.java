/**
 * Paper figures with XChart: one theme ({@link PaperTheme}), paper sizes ({@link PaperSize}), figure
 * builders for every figure type of the seed studies ({@link Plots}), composite multi-panel
 * {@link Figure}s that keep the data that went in, and PNG/SVG export ({@link Figures}).
 */
package org.coreloss.plot;
