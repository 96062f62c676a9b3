package org.coreloss.fit;

/** A fit that cannot be done with these data or settings; the message says what was expected. */
public class FitException extends IllegalArgumentException {
    public FitException(String message) { super(message); }
}
