package dev.concur.lecture;

import static dev.concur.lecture.Fixture.around;
import static dev.concur.lecture.Verdict.Outcome.CONTRADICTED;
import static dev.concur.lecture.Verdict.Outcome.INCONCLUSIVE;
import static dev.concur.lecture.Verdict.Outcome.NUANCED;
import static dev.concur.lecture.Verdict.Outcome.SUPPORTED;
import static dev.concur.lecture.Verdict.Outcome.UNAVAILABLE;

import dev.concur.lecture.Verdict.Outcome;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server slides' cases for {@link ClaimOutcomesTest} (1.2.2, 1.4.3, 1.5.4, 1.5.5): each rule driven
 * from hand-made concur load results, one list per server process, to every outcome it can give.
 */
final class ServerCases {
    private ServerCases() {}

    /** How a case is registered. */
    interface Adder {
        void add(String claim, String what, Outcome expected, Supplier<Evidence> evidence);
    }

    private static final int N = Catalog.LOAD_CONNECTIONS;

    /** The 1.2.2 slide's four results: the loop's and the threads' idle memory and answers, per process. */
    private static Evidence servers(double[] loopMem, int loopThreads, double[] loopAnswers, double[] ppcAnswers) {
        return Loads.evidence(Loads.load("load-hold", Loads.hold("eventloop", loopThreads, loopMem),
                        Loads.hold("platform-per-connection", N + 17, around(34_000, 2))),
                Loads.load("load-wait", Loads.wait("eventloop", 17, loopAnswers), Loads.wait("platform-per-connection", N + 17, ppcAnswers)));
    }

    /** 1.4.3: the loop and the blocking loop, 50 connections each waiting 100 ms. */
    private static Evidence interleave(double... loopAnswers) {
        int c = Catalog.INTERLEAVE_CONNECTIONS;
        long w = Catalog.INTERLEAVE_WAIT_MICROS;
        return Loads.evidence(Loads.load("load-interleave", Loads.wait("eventloop", c, w, c * 1e6 / w, 17, loopAnswers),
                Loads.wait("eventloop-blocking", c, w, 1e6 / w, 15, around(9.8, 0.5))));
    }

    /** 1.5.4 and 1.5.5: a Python server's answers (wait) and idle memory (hold), asyncio's beside. */
    private static Evidence python(String model, int threads, double[] answers, double[] memory) {
        return Loads.evidence(Loads.load("load-wait", Loads.wait(model, threads, answers), Loads.wait("python-asyncio", 1, around(985, 1))),
                Loads.load("load-hold", Loads.hold(model, threads, memory), Loads.hold("python-asyncio", 1, around(4_600, 2))));
    }

    static void addTo(Adder add) {
        double[] ok = around(985, 1);
        add.add("1.2-connections", "less memory, one thread, the ceiling reached", SUPPORTED, () -> servers(around(1_900, 2), 17, ok, ok));
        add.add("1.2-connections", "the loop's resident set did not grow: counted as a page, still less", SUPPORTED,
                () -> servers(new double[] {-200, 1, 3}, 17, ok, ok));
        add.add("1.2-connections", "the loop answered half of what the threads did", CONTRADICTED,
                () -> servers(around(1_900, 2), 17, around(490, 1), ok));
        add.add("1.2-connections", "the loop paid more memory per connection", CONTRADICTED,
                () -> servers(around(50_000, 2), 17, ok, ok));
        add.add("1.2-connections", "the loop's server had a thread per connection", CONTRADICTED,
                () -> servers(around(1_900, 2), N + 17, ok, ok));
        add.add("1.2-connections", "the loop's answers all over the place", INCONCLUSIVE,
                () -> servers(around(1_900, 2), 17, new double[] {700, 850, 990}, ok));
        add.add("1.2-connections", "the thread-per-connection server failed", UNAVAILABLE, () -> Loads.evidence(
                Loads.load("load-hold", Loads.hold("eventloop", 17, around(1_900, 2)),
                        List.of(dev.concur.run.load.LoadResults.failed("hold", "platform-per-connection", 1, N, "failed", "the server exited"))),
                Loads.load("load-wait", Loads.wait("eventloop", 17, ok), Loads.wait("platform-per-connection", N + 17, ok))));
        add.add("1.4-interleave", "one loop thread, fifty times the blocking loop", SUPPORTED, () -> interleave(around(490, 1)));
        add.add("1.4-interleave", "the loop was capped at one request per wait too", CONTRADICTED, () -> interleave(around(10.5, 1)));
        add.add("1.4-interleave", "the loop's answers all over the place", INCONCLUSIVE, () -> interleave(20, 60, 150));
        add.add("1.4-interleave", "the blocking loop did not run", UNAVAILABLE, () -> Loads.evidence(Loads.load("load-interleave",
                Loads.wait("eventloop", Catalog.INTERLEAVE_CONNECTIONS, Catalog.INTERLEAVE_WAIT_MICROS, 500, 17, around(490, 1)))));
        add.add("1.5-threadconns", "threads kept up, at a thread's memory per connection", NUANCED,
                () -> python("python-threading", N + 1, ok, around(52_000, 2)));
        add.add("1.5-threadconns", "threads kept up for no more memory than asyncio", SUPPORTED,
                () -> python("python-threading", N + 1, ok, around(4_600, 2)));
        add.add("1.5-threadconns", "threads kept up; asyncio's idle memory not measured", SUPPORTED, () -> Loads.evidence(
                Loads.load("load-wait", Loads.wait("python-threading", N + 1, ok)),
                Loads.load("load-hold", Loads.hold("python-threading", N + 1, around(52_000, 2)))));
        add.add("1.5-threadconns", "threads reached a third of the ceiling", CONTRADICTED,
                () -> python("python-threading", N + 1, around(330, 1), around(52_000, 2)));
        add.add("1.5-threadconns", "answers all over the place", INCONCLUSIVE,
                () -> python("python-threading", N + 1, new double[] {600, 850, 1000}, around(52_000, 2)));
        add.add("1.5-threadconns", "no Python here", UNAVAILABLE, () -> Loads.evidence(Loads.load("load-wait",
                Loads.skipped("wait", "python-threading", N, "python3 not found on PATH; install: apt-get install python3"))));
        add.add("1.5-twisted", "one reactor kept up", SUPPORTED, () -> python("python-twisted", 1, ok, around(9_800, 2)));
        add.add("1.5-twisted", "kept up on a dozen threads", NUANCED, () -> python("python-twisted", 12, ok, around(9_800, 2)));
        add.add("1.5-twisted", "reached under half of the ceiling", CONTRADICTED,
                () -> python("python-twisted", 1, around(440, 1), around(9_800, 2)));
        add.add("1.5-twisted", "answers all over the place", INCONCLUSIVE,
                () -> python("python-twisted", 1, new double[] {600, 850, 1000}, around(9_800, 2)));
        add.add("1.5-twisted", "Twisted not installed", UNAVAILABLE, () -> Loads.evidence(Loads.load("load-wait",
                Loads.skipped("wait", "python-twisted", N, "Twisted not installed; install: apt-get install python3-twisted"),
                Loads.wait("python-asyncio", 1, ok))));
    }
}
