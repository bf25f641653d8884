package dev.concur.cli;

/** concur's exit codes, the same for every command. */
public final class ExitCodes {
    public static final int OK = 0;            // everything ran and validated
    public static final int FAILURE = 1;       // a benchmark failed, timed out or was invalid; compare: a regression
    public static final int USAGE = 2;         // bad input: nothing was run, nothing written
    public static final int INCONCLUSIVE = 3;  // compare only: the data cannot support a verdict

    private ExitCodes() {}
}
