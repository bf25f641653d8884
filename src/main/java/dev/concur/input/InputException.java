package dev.concur.input;

/**
 * Bad input, found in a command-line value, a suite file, a result file or a peer program's
 * output: one line that names where and what, and exit code 2. Nothing has run, nothing is written.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }
}
