package dev.concur.cli;

/** concur's exit codes, the same for every command. */
public final class ExitCodes {
    public static final int OK = 0;            // everything ran and validated
    public static final int FAILURE = 1;       // a benchmark failed or was invalid, or concur itself failed
    public static final int USAGE = 2;         // bad input: nothing was run

    private ExitCodes() {}
}
