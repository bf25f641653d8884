package dev.concur.workload;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Collects the completions of one batch and proves it was done exactly once.
 *
 * <p>Each completion adds {@code term(index, value)} to an order-independent checksum and bumps a
 * counter. A lost task lowers the count and changes the checksum; a task completed twice raises
 * the count and changes it again; a wrong value changes it. Comparing both numbers with the
 * reference (see {@link Reference}) therefore catches lost, duplicated and corrupted work.
 */
public final class Batch {
    private final int expected;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicLong checksum = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private final long startNanos = System.nanoTime();
    private final org.HdrHistogram.Histogram latency;

    public Batch(int expected) {
        this(expected, null);
    }

    /**
     * @param latency where to record each task's completion time since the batch started
     *                (nanoseconds), or {@code null} not to record
     */
    public Batch(int expected, org.HdrHistogram.Histogram latency) {
        this.expected = expected;
        this.latency = latency;
    }

    /** Records that task {@code index} returned {@code value}. Thread-safe. */
    public void complete(int index, long value) {
        checksum.addAndGet(term(index, value));
        completed.incrementAndGet();
        if (latency != null) latency.recordValue(Math.min(System.nanoTime() - startNanos, latency.getHighestTrackableValue()));
    }

    /** Records a task failure; the first one wins and is rethrown by {@link #throwIfFailed}. */
    public void fail(int index, Throwable error) {
        failure.compareAndSet(null, new TaskFailedException(index, error));
    }

    public void throwIfFailed() throws TaskFailedException {
        Throwable t = failure.get();
        if (t != null) throw (TaskFailedException) t;
    }

    public int expected() {
        return expected;
    }

    public int completed() {
        return completed.get();
    }

    /** The sum of every completion's term, mod 2^32: the same number in every runtime concur compares. */
    public long checksum() {
        return checksum.get() & 0xFFFF_FFFFL;
    }

    /** What task {@code index} returning {@code value} adds to the checksum (see {@link CpuWork}). */
    static long term(int index, long value) {
        return Integer.toUnsignedLong(CpuWork.fmix32((int) value ^ CpuWork.fmix32(index)));
    }

    /** A task threw: the batch cannot be valid, and the benchmark reports it as failed. */
    public static final class TaskFailedException extends Exception {
        TaskFailedException(int index, Throwable cause) {
            super("task " + index + " failed: " + cause, cause);
        }
    }
}
