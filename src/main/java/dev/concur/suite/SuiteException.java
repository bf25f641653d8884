package dev.concur.suite;

/** A suite file that cannot be used; the message is one line: {@code FILE:LINE: what is wrong}. */
public final class SuiteException extends Exception {
    public SuiteException(String message) {
        super(message);
    }
}
