package dev.concur.workload;

/**
 * The deterministic CPU kernel shared by every workload and every model, in every language.
 *
 * <p>Kernel {@value #VERSION}: one <em>round</em> is a 32-bit xorshift step (13, 17, 5) followed
 * by a multiply by an odd constant, modulo 2<sup>32</sup>: a serial dependency chain that no
 * compiler can vectorise, hoist or skip, because every round needs the previous result and the
 * final value is returned and checksummed. The cost is linear in {@code rounds} and the same on
 * every thread. It is 32-bit on purpose: Go ({@code uint32}), JavaScript ({@code Math.imul},
 * {@code >>> 0}), Python ({@code & 0xFFFFFFFF}) and Java ({@code int}) all compute it natively,
 * so "N tasks of W rounds" is the same work in every runtime concur compares (a 64-bit kernel
 * would send JavaScript down the BigInt slow path). The peer programs under {@code src/peers}
 * implement exactly these functions; a batch from any of them must give the JVM's checksum.
 *
 * <pre>
 *   seed(i)          = ((i + 1) * 0x9E3779B9) ^ 0x5DEECE66                 (mod 2^32)
 *   kernel(x, r)     = r times { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; x *= 0x2545F491 }, then fmix32(x)
 *   value(i, r)      = kernel(seed(i), r)                                    (what task i returns)
 *   fmix32(h)        = MurmurHash3's finaliser: h ^= h >>> 16; h *= 0x85EBCA6B; h ^= h >>> 13; h *= 0xC2B2AE35; h ^= h >>> 16
 *   term(i, v)       = fmix32(v ^ fmix32(i))                                 (a batch's checksum is the sum, mod 2^32)
 * </pre>
 *
 * @implNote With {@code rounds == 0} the kernel is a single {@code fmix32} of the seed: that is
 * f(index) of the io workload.
 */
public final class CpuWork {
    /** Recorded in every report ({@code config.kernel}): results of different kernels do not compare. */
    public static final String VERSION = "v2 (32-bit xorshift 13/17/5 + multiply 0x2545F491, fmix32)";

    private static final int GOLDEN = 0x9E3779B9;   // spreads consecutive indices apart
    private static final int SEED   = 0x5DEECE66;   // any constant; fixed so runs agree
    private static final int MUL    = 0x2545F491;   // odd: the multiply is a bijection mod 2^32

    private CpuWork() {}

    /** The value task {@code index} returns after {@code rounds} rounds of work (an unsigned 32-bit number). */
    public static long compute(int index, long rounds) {
        return kernel(seed(index), rounds);
    }

    /** Where task {@code index}'s rounds start: its index spread by {@link #GOLDEN}, fixed by {@link #SEED}. */
    public static int seed(int index) {
        return ((index + 1) * GOLDEN) ^ SEED;
    }

    /** {@code rounds} rounds from {@code x}, finalised: an unsigned 32-bit number. */
    public static long kernel(int x, long rounds) {
        for (long i = 0; i < rounds; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            x *= MUL;
        }
        return Integer.toUnsignedLong(fmix32(x));
    }

    /** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
    public static int fmix32(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /** A 64-bit finaliser (Stafford variant 13, as in SplittableRandom), for data that stays on the JVM. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
