package dev.concur.result;

import java.util.List;

/**
 * How the forks of one result warmed up before JMH measured.
 *
 * @param mode           {@code adaptive} (batches until steady state or a cap) or {@code fixed}
 *                       ({@code --warmup N} JMH iterations)
 * @param rule           the steady-state rule, in words ({@code null} when fixed)
 * @param batchesPerFork adaptive warm-up batches each fork ran
 * @param millisPerFork  how long each fork's adaptive warm-up took
 * @param steady         whether every fork reached steady state ({@code null} when fixed)
 * @param spreadPct      the widest last-window spread around its median over the forks, per cent
 */
public record Warmup(String mode, String rule, List<Integer> batchesPerFork, List<Long> millisPerFork, Boolean steady,
                     Double spreadPct) {}
