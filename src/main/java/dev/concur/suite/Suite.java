package dev.concur.suite;

import java.util.List;

/**
 * A named, human-editable list of benchmark runs, read from a YAML file in {@code benchmarks/}.
 *
 * @param name        the file's name without {@code .yaml}
 * @param source      where it was read from (a path, or {@code bundled:NAME.yaml})
 * @param description one line saying what the suite is for
 * @param runs        what it runs, in order
 */
public record Suite(String name, String source, String description, List<SuiteRun> runs) {}
