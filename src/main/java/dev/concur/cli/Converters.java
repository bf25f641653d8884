package dev.concur.cli;

import dev.concur.input.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value parsers: each rejects bad input with a message that shows valid input. */
final class Converters {
    private Converters() {}

    /** A strictly positive duration: {@code 100ms}, {@code 2s}. */
    static final class PositiveDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            long nanos;
            try {
                nanos = Durations.parseNanos(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            if (nanos <= 0) throw new TypeConversionException("'" + value + "' must be longer than 0 (e.g. 100ms, 2s)");
            return Duration.ofNanos(nanos);
        }
    }

    /** A positive whole number. */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long v = PositiveCount.parse(value);
            if (v > Integer.MAX_VALUE) throw new TypeConversionException("'" + value + "' is too large (at most " + Integer.MAX_VALUE + ")");
            return (int) v;
        }
    }

    /** A whole number ≥ 0 (warm-up iterations may be 0). */
    static final class NonNegativeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (value.trim().equals("0")) return 0;
            return new PositiveInt().convert(value);
        }
    }

    /** A positive count, with optional k/M suffix: {@code 400000}, {@code 400k}, {@code 1M}. */
    static final class PositiveCount implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parse(value);
        }

        static long parse(String value) {
            try {
                return dev.concur.input.Counts.parsePositive(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
