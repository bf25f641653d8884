package dev.concur.peer;

/**
 * A language runtime concur can run peer programs in, with how much slower its CPU kernel is than
 * the JVM's (for the pre-run estimate only: what is reported is always measured).
 *
 * @see PeerModels for the programs and how they are found
 */
public enum PeerRuntime {
    /** Go 1.19 or newer (Debian golang-go); the program is built with go build on first use. */
    GO("go", 1.0, 3_000, "apt-get install golang-go"),
    /** Python 3 with Debian's python3-* packages (PyPI is not needed). */
    PYTHON("python", 300.0, 20_000, "apt-get install python3"),
    /** Node.js 18 or newer. */
    NODE("node", 1.5, 3_000, "apt-get install nodejs");

    private final String label;
    private final double cpuSlowdown;
    private final double taskOverheadNanos;
    private final String install;

    PeerRuntime(String label, double cpuSlowdown, double taskOverheadNanos, String install) {
        this.label = label;
        this.cpuSlowdown = cpuSlowdown;
        this.taskOverheadNanos = taskOverheadNanos;
        this.install = install;
    }

    /**
     * Roughly what creating and scheduling one task costs the program, one after another (for the
     * estimate, and so for the watchdog's patience before the first batch ends): measured here as
     * about 14 µs an asyncio task, 2.5 µs a goroutine at 100,000 tasks; rounded up.
     */
    public double taskOverheadNanos() {
        return taskOverheadNanos;
    }

    public String label() {
        return label;
    }

    /**
     * The kernel's cost per round relative to the JVM's as {@code run.Estimator} calibrates it (the best
     * of many short hot runs, so faster than a JVM batch under load), rounded up, for estimates only.
     * CPython: 300, from batches measured against that calibration (2.45–2.6 ns a round) on a shared
     * 2-core VM under load: the default cpu batch (200 × 400,000 rounds) at 1 core took 35–46 s with
     * python-threading and python-multiprocessing (180–235×; it was estimated at 80×, 16 s, and so
     * ran past the 30 s {@code --max-batch}); 40 × 100,000 rounds took 1.42 s with both (145×, load
     * 4–5); the bare kernel 400–900 ns a round (155–355×, load 8). Against a JVM batch measured
     * beside it, the same kernel is 55–90× slower: the calibration, not CPython, makes the factor large.
     */
    public double cpuSlowdown() {
        return cpuSlowdown;
    }

    public String install() {
        return install;
    }
}
