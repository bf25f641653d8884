package dev.concur.cli;

import dev.concur.input.Values;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli's side of {@link Values}: the same parsers and messages as suite files. */
final class Converters {
    private Converters() {}

    private static <T> T convert(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** A strictly positive duration: {@code 100ms}, {@code 2s}. */
    static final class PositiveDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Duration.ofNanos(Converters.convert(value, Values::positiveDurationNanos));
        }
    }

    /** A positive whole number that fits an int. */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Converters.convert(value, Values::positiveInt);
        }
    }

    /** A whole number ≥ 0 (warm-up iterations may be 0). */
    static final class NonNegativeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Converters.convert(value, Values::nonNegativeInt);
        }
    }

    /** A positive count, with optional k/M suffix: {@code 400000}, {@code 400k}, {@code 1M}. */
    static final class PositiveCount implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.convert(value, Values::positiveCount);
        }
    }

    /** A percentage: {@code 3}, {@code 3%}, {@code 0.5%}. */
    static final class Percent implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return Converters.convert(value, Values::percent);
        }
    }

    /** A profile name: {@code quick} or {@code precise}. */
    static final class ProfileName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return Converters.convert(value, Values::profile);
        }
    }

    /** {@code --trace}'s batch size: 1 to {@value #MAX_TRACE} tasks (a timeline of more is unreadable). */
    static final class TraceTasks implements ITypeConverter<Integer> {
        static final int MAX_TRACE = 200;

        @Override
        public Integer convert(String value) {
            int n = Converters.convert(value, Values::positiveInt);
            if (n > MAX_TRACE) throw new TypeConversionException("'" + value + "' is too many tasks to trace (at most " + MAX_TRACE + ")");
            return n;
        }
    }
}
