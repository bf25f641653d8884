package dev.concur.suite;

import dev.concur.input.Choices;

/**
 * One entry of a suite's {@code runs:} list: what it shows and what it chooses. Values it does not
 * set are {@code null} in {@code choices}: the command line or the defaults decide.
 *
 * @param description one line saying what this run shows (required)
 * @param choices     models and workloads (required), sizes, core counts and measurement settings
 * @param line        the line of the file where this run starts
 */
public record SuiteRun(String description, Choices choices, int line) {}
