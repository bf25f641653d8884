package dev.concur.compare;

import java.util.List;

/**
 * What the comparison checks is the same on both sides: a difference is a warning (or, with
 * {@code --strict}, makes the comparison inconclusive).
 *
 * @param cpuModel  CPU model, {@code null} when the file does not say (JMH-native files)
 * @param cores     processors, or {@code null}
 * @param jdk       JDK version
 * @param jvmFlags  the flags the forks ran with
 */
public record Environment(String cpuModel, Integer cores, String jdk, List<String> jvmFlags) {}
