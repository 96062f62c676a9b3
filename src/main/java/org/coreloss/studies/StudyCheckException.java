package org.coreloss.studies;

/** A study's claim failed its stated range: the message names the study, the quantity, its value and the range. */
public final class StudyCheckException extends RuntimeException {
    public StudyCheckException(String message) {
        super(message);
    }

    /** Throws when {@code value} is not in [{@code min}, {@code max}] (either bound may be infinite). */
    static void require(String study, String quantity, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new StudyCheckException(String.format(java.util.Locale.ROOT, "%s: %s = %.6g is outside the claimed range [%s, %s]",
                    study, quantity, value, bound(min), bound(max)));
        }
    }

    private static String bound(double b) {
        return Double.isInfinite(b) ? (b < 0 ? "-inf" : "+inf") : String.format(java.util.Locale.ROOT, "%.6g", b);
    }
}
