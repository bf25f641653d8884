package dev.concur.result;

import java.util.List;

/**
 * One traced batch ({@code --trace}): for each task, when it started and ended and, in between,
 * when its code ran on a thread ({@code run}) and when it waited ({@code wait}: a sleep, a timer,
 * a blocking call). Times are microseconds since the batch started. This is the data behind the
 * report's timeline (Gantt) charts: one after another, side by side, or interleaved on one thread.
 *
 * @param tasks  tasks in the traced batch
 * @param valid  whether the traced batch matched its reference (count and checksum)
 * @param note   why segments are missing (too many to keep), or {@code null}
 * @param timeline one entry per task, by index
 */
public record Timeline(int tasks, boolean valid, String note, List<TaskTimeline> timeline) {

    /**
     * @param task     the task's index
     * @param start    when the model started it
     * @param end      when it finished
     * @param segments what it did in between, in time order
     */
    public record TaskTimeline(int task, long start, long end, List<Segment> segments) {}

    /**
     * @param kind    {@code run} (its code on a thread) or {@code wait}
     * @param start   microseconds since the batch started
     * @param end     microseconds since the batch started
     * @param thread  the thread that ran (or waited); for a virtual thread its own name
     * @param carrier for a virtual thread, the platform thread it was mounted on; {@code null} otherwise
     */
    public record Segment(String kind, long start, long end, String thread, String carrier) {}

    public static final String RUN = "run";
    public static final String WAIT = "wait";
}
