package org.coreloss.studies;

import java.util.Locale;

/** Quick (CI: small data, short training, proves the pipeline) or full (the documented numbers). */
public enum StudyMode {
    QUICK, FULL;

    /** {@code CORELOSS_QUICK=1} selects quick mode, anything else (or unset) full mode. */
    public static StudyMode fromEnvironment() {
        return "1".equals(System.getenv("CORELOSS_QUICK")) ? QUICK : FULL;
    }

    /** "quick" or "full": the name of the results file. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean quick() {
        return this == QUICK;
    }
}
