package dev.concur.workload;

/**
 * The deterministic CPU kernel shared by every workload.
 *
 * <p>One <em>round</em> is a xorshift step followed by a multiply: a serial dependency chain that
 * the JIT cannot vectorise, hoist or skip, because every round needs the previous result and the
 * final value is returned and checksummed. The cost is therefore linear in {@code rounds} and the
 * same on every thread, which is what makes "N tasks of W rounds" a fair unit of CPU work.
 *
 * @implNote With {@code rounds == 0} the kernel is a single mix of the index: that is f(index) of
 * the io workload.
 */
public final class CpuWork {
    private static final long SEED   = 0x5DEECE66DL;          // any odd constant; fixed so runs agree
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;   // spreads consecutive indices apart
    private static final long MUL    = 0x2545F4914F6CDD1DL;   // xorshift* multiplier

    private CpuWork() {}

    /** The value task {@code index} returns after {@code rounds} rounds of work. */
    public static long compute(int index, long rounds) {
        long x = (index + 1L) * GOLDEN ^ SEED;
        for (long i = 0; i < rounds; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            x *= MUL;
        }
        return mix(x);
    }

    /** A strong 64-bit finaliser (Stafford variant 13, as in SplittableRandom). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
