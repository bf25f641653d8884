package dev.concur.compare;

/** A result file that cannot be compared at all (empty, truncated, not JSON, unknown schema): exit 2. */
public final class CompareInputException extends Exception {
    public CompareInputException(String message) {
        super(message);
    }
}
