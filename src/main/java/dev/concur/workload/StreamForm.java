package dev.concur.workload;

/**
 * A batch that is one stream of items through stages (the pipeline), described as data so that a
 * model can express it in its own terms: the {@code reactive} model builds it as a chain of
 * operators ({@code Flux.range → map → publishOn → ...}) instead of running the parts as tasks.
 * The values are exactly those the parts compute, so the batch's checksum is the same.
 */
public interface StreamForm {

    /** How many items the producer sends. */
    int items();

    /** How many stages an item passes through. */
    int stages();

    /** How many items may wait between two stages: the channel capacity, the operators' prefetch. */
    int capacity();

    /** The item the producer sends as the {@code k}-th. */
    long source(long k);

    /** What stage {@code s} (1-based) sends on for {@code item}. */
    long stage(int s, long item);

    /**
     * The consumer's check of the {@code k}-th arrival; returns the running hash. Throws when the
     * item is not the k-th or its value is wrong (lost, duplicated, reordered or corrupted work).
     */
    long verify(long item, long k, long hash);

    /** The consumer's last check: throws unless exactly {@link #items} arrived. */
    void finish(long arrived);

    /** Reports every part's value to {@code batch}, as the parts would; {@code hash} is the consumer's. */
    void complete(Batch batch, long hash);

    /** A task list whose first task can describe the whole batch as a stream. */
    interface Source extends Task {
        StreamForm stream();
    }
}
