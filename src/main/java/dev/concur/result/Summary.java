package dev.concur.result;

/**
 * Totals over the results so far.
 *
 * @param ok             results with numbers
 * @param invalid        results whose validation failed
 * @param skipped        results not run (estimate over --max-batch)
 * @param failed         results that threw
 * @param timeout        results killed by the watchdog
 * @param medianErrorPct median relative CI half-width of the ok results, or {@code null}
 * @param wallSeconds    seconds since the run started
 */
public record Summary(int ok, int invalid, int skipped, int failed, int timeout, Double medianErrorPct,
                      double wallSeconds) {}
