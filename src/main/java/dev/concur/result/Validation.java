package dev.concur.result;

/**
 * Proof that every measured batch did exactly the sequential reference's work.
 *
 * @param outcome          {@code valid}, {@code invalid}, or {@code unknown} when no fork reported
 * @param batches          batches checked (warm-up and measurement, all forks)
 * @param validBatches     batches whose task count and checksum matched
 * @param expectedTasks    the reference's task count
 * @param expectedChecksum the reference's checksum
 * @param firstMismatch    the first bad batch, described, or {@code null}
 */
public record Validation(String outcome, long batches, long validBatches, int expectedTasks,
                         Long expectedChecksum, String firstMismatch) {}
