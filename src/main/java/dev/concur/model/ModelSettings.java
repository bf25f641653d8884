package dev.concur.model;

/**
 * What a model may size itself by.
 *
 * @param threads pool size of {@code platform} ({@code --threads})
 * @param cores   processors the fork sees ({@code Runtime.availableProcessors()})
 */
public record ModelSettings(int threads, int cores) {
    public ModelSettings {
        if (threads <= 0) throw new IllegalArgumentException("threads must be positive: " + threads);
        if (cores <= 0) throw new IllegalArgumentException("cores must be positive: " + cores);
    }
}
