package org.coreloss.kernel.magic;

/** A user error in a magic's arguments or input; shown to the user as its message only. */
public class MagicException extends RuntimeException {
    public MagicException(String message) { super(message); }
    public MagicException(String message, Throwable cause) { super(message, cause); }
}
