package dev.concur.cli;

/** Bad input found after parsing (an unknown name, a bad combination): exit code 2, one line. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
