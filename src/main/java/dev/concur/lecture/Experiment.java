package dev.concur.lecture;

import dev.concur.input.Choices;

/**
 * One measurement the lecture makes: a {@code concur bench} run with fixed choices, whose JSON
 * report is kept as {@code json/ID.json} and read by the claims that cite it.
 *
 * @param id      short name, also the report's file name
 * @param choices the models, workloads, sizes, cores and profile
 * @param trace   whether each benchmark also records a timeline ({@code --trace})
 */
public record Experiment(String id, Choices choices, boolean trace) {

    /** The command that repeats this experiment by hand. */
    public String command() {
        return "concur bench " + choices.asOptions().strip() + (trace ? " --trace" : "");
    }
}
