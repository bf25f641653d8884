package dev.concur.result;

import java.util.List;

/**
 * One {@code concur bench} run: what ran, where, and every result. Written as JSON after each
 * benchmark, so the file on disk always holds everything measured so far. Every field is
 * described in docs/report-json.md.
 *
 * @param schemaVersion  version of this layout; bumped on any incompatible change
 * @param concurVersion  the concur build that wrote the file
 * @param timestamp      when the run started, ISO-8601 UTC
 * @param termination    {@code running} while benchmarks remain, then {@code completed}; or
 *                       {@code interrupted} when SIGINT or SIGTERM stopped the run (the file keeps
 *                       every result measured until then)
 * @param environment    host, JDK and hardware
 * @param config         the settings every benchmark ran with
 * @param results        one per (model, workload), in run order, skipped ones included
 * @param scaling        per (model, workload) over a core sweep: speedups, Karp–Flatt, Amdahl and
 *                       USL fits; empty unless {@code --cores} gave two or more counts
 * @param summary        counts and the median CI half-width, filled in as results arrive
 */
public record Report(int schemaVersion, String concurVersion, String timestamp, String termination,
                     Environment environment, RunConfig config, List<Result> results,
                     List<Scaling> scaling, Summary summary) {

    public static final int SCHEMA_VERSION = 1;
}
