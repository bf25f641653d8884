package dev.concur.result;

import java.util.List;

/**
 * What one JMH fork reported about itself, read inside the fork.
 *
 * @param pid                 the fork's process id
 * @param jvmArgs             the flags it really ran with (RuntimeMXBean input arguments)
 * @param jdkVersion          its {@code java.runtime.version}
 * @param availableProcessors its {@code Runtime.availableProcessors()}
 * @param cpusAllowed         its Cpus_allowed_list, or {@code null} off Linux
 */
public record ForkInfo(long pid, List<String> jvmArgs, String jdkVersion, int availableProcessors,
                       String cpusAllowed) {}
