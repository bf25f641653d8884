package dev.concur.result;

import java.util.List;

/**
 * Where the run happened, as the host process saw it. What each fork really saw (its flags,
 * cores and affinity) is in {@link ForkInfo}, per result.
 *
 * @param jdkVendor           {@code java.vendor} of the JDK running concur
 * @param jdkVersion          {@code java.runtime.version}
 * @param vmName              {@code java.vm.name}
 * @param javaHome            {@code java.home}; forks are started with this JDK
 * @param hostJvmFlags        the host JVM's own input arguments
 * @param os                  {@code os.name}
 * @param kernel              {@code os.version} (the kernel release on Linux)
 * @param arch                {@code os.arch}
 * @param cpuModel            "model name" from /proc/cpuinfo, or {@code null} when unknown
 * @param availableProcessors {@code Runtime.availableProcessors()} of the host process
 * @param cpuAffinity         Cpus_allowed_list from /proc/self/status, or {@code null}
 * @param memoryTotalBytes    MemTotal from /proc/meminfo, or {@code null}
 * @param maxHeapBytes        {@code Runtime.maxMemory()} of the host process
 * @param hostname            the machine's name, or {@code null}
 * @param gitCommit           {@code git rev-parse HEAD} of the working directory, or {@code null}
 *                            outside a repository
 * @param gitDirty            whether that working tree had uncommitted changes
 * @param gogc                {@code GOGC} as Go peers inherit it from concur's environment, or {@code "100 (default)"}
 *                            when unset
 * @param transparentHugePages the bracketed choice of /sys/kernel/mm/transparent_hugepage/enabled
 *                            ({@code always}, {@code madvise}, {@code never}), or {@code null} when unknown:
 *                            with {@code always} a runtime's heap can be backed by 2 MB pages, and its RSS with it
 */
public record Environment(String jdkVendor, String jdkVersion, String vmName, String javaHome,
                          List<String> hostJvmFlags, String os, String kernel, String arch,
                          String cpuModel, int availableProcessors, String cpuAffinity,
                          Long memoryTotalBytes, long maxHeapBytes, String hostname,
                          String gitCommit, Boolean gitDirty, String gogc, String transparentHugePages) {}
