package dev.concur.result;

import dev.concur.result.Percentiles;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * HdrHistogram plumbing: forks record nanoseconds into histograms, ship them to the host as
 * compressed base64 in their {@link ForkReport}, and the host merges every fork's histogram
 * before reading percentiles — percentiles of the whole run, not an average of percentiles.
 */
public final class Histograms {
    /** One hour in nanoseconds: the largest value recorded; 3 significant digits. */
    public static final long MAX_NANOS = 3_600_000_000_000L;

    private Histograms() {}

    public static Histogram create() {
        return new org.HdrHistogram.ConcurrentHistogram(MAX_NANOS, 3);
    }

    public static String encode(Histogram h) {
        if (h == null || h.getTotalCount() == 0) return null;
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        byte[] bytes = new byte[n];
        buf.flip();
        buf.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt histogram from a fork", e);
        }
    }

    /** Merges the forks' histograms (nulls skipped) into percentiles in milliseconds, or {@code null} if none. */
    public static Percentiles merge(List<String> encoded) {
        Histogram all = null;
        for (String e : encoded) {
            if (e == null) continue;
            Histogram h = decode(e);
            if (all == null) all = h; else all.add(h);
        }
        if (all == null || all.getTotalCount() == 0) return null;
        return new Percentiles(all.getTotalCount(), ms(all.getValueAtPercentile(50)), ms(all.getValueAtPercentile(90)),
                ms(all.getValueAtPercentile(99)), ms(all.getMaxValue()));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
