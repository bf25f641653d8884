package dev.concur.result;

import java.util.List;

/**
 * What one JMH fork reported about itself, read inside the fork.
 *
 * @param pid                 the fork's process id
 * @param jvmArgs             the flags it really ran with (RuntimeMXBean input arguments)
 * @param jdkVersion          its {@code java.runtime.version}; {@code null} for a peer program
 * @param runtime             the runtime that ran it, with its version: {@code Java 25.0.3+9-LTS}, {@code go1.19.8},
 *                            {@code Python 3.11.2}, {@code Node.js v20.20.2}
 * @param availableProcessors its {@code Runtime.availableProcessors()}
 * @param cpusAllowed         its Cpus_allowed_list, or {@code null} off Linux
 */
public record ForkInfo(long pid, List<String> jvmArgs, String jdkVersion, String runtime, int availableProcessors,
                       String cpusAllowed) {}
