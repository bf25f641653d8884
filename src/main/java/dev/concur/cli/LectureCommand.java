package dev.concur.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.concur.files.AtomicFiles;
import dev.concur.input.InputException;
import dev.concur.input.InputFiles;
import dev.concur.lecture.Catalog;
import dev.concur.lecture.Deck;
import dev.concur.lecture.Evidence;
import dev.concur.lecture.Experiment;
import dev.concur.lecture.Manifest;
import dev.concur.lecture.Slide;
import dev.concur.input.Choices;
import dev.concur.result.LoadReport;
import dev.concur.result.Report;
import dev.concur.result.ReportReader;
import dev.concur.result.Result;
import dev.concur.run.Benchmark;
import dev.concur.run.BenchmarkRunner;
import dev.concur.run.Estimator;
import dev.concur.run.Plan;
import dev.concur.run.Planner;
import dev.concur.run.RunLock;
import dev.concur.run.RunnerContext;
import dev.concur.run.Version;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code concur lecture}: the course's five questions, answered by experiments. Runs the
 * experiments the chosen questions need (each an ordinary {@code concur bench} run, kept as a JSON
 * report), computes each claim's verdict from them by a stated rule, prints the verdicts and writes
 * a self-contained HTML deck and Markdown. {@code --from DIR} renders a finished run again (in the
 * other language, say) without measuring.
 */
@Command(name = "lecture", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = "concur lecture [--question Q[,Q...]|all] [--lang es|en] [--out DIR] [--quick] | --from DIR [--lang es|en]",
        description = {"Answer the course's questions with measurements, and print every claim's verdict.",
                "The questions (../shared/lecture): 1.1 goroutines vs asyncio, 1.2 event loops vs threads, 1.3 reactive and "
                        + "event-driven, 1.4 sequential, parallel, concurrent, 1.5 Python's frameworks.",
                "Writes a slide deck (HTML, Markdown) and the JSON reports it came from."},
        footer = {"", "Examples:",
                "  concur lecture --lang es --quick          (about 27 minutes on 2 cores)",
                "  concur lecture --question 1.4 --lang en",
                "  concur lecture --from results/lecture-20261127-101500 --lang en   (no measuring)",
                "", "Exit codes: 0 ok; 1 a benchmark failed, timed out or was invalid; 2 bad input (nothing ran)."})
final class LectureCommand implements Callable<Integer> {
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("UTC"));
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--question", split = ",", paramLabel = "Q",
            description = "which questions: 1.1, 1.2, 1.3, 1.4, 1.5, comma-separated, or all (default: all)")
    List<String> questions;

    @Option(names = "--quick", description = "3 processes per measurement, each 2 warm-up and 5 measured iterations of 100 ms, "
            + "100,000 tasks at most; without it, 3 processes of concur's quick profile and 1,000,000 tasks")
    boolean quick;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "where to write (default: results/lecture-<UTC time>)")
    Path out;

    @Option(names = "--from", paramLabel = "DIR", description = "render a finished lecture again from its folder, without measuring")
    Path from;

    @Option(names = "--no-progress", description = "never show the progress bar")
    boolean noProgress;

    @Option(names = {"-v", "--verbose"}, description = "JMH's own output on stderr")
    boolean verbose;

    @Mixin
    LanguageOption lang;

    private final Wiring wiring;

    LectureCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        String language = lang.resolve();
        if (from != null) {
            if (questions != null || quick || out != null) {
                throw new InputException("--from renders what was measured: it takes only --lang (not --question, --quick or --out)");
            }
            return render(from, readManifest(from), language, false);
        }
        List<String> qs = questions();
        Instant started = wiring.now().get();
        Path dir = out != null ? out : Path.of("results", "lecture-" + FILE_STAMP.format(started));
        try {
            Files.createDirectories(dir.resolve("json"));
            AtomicFiles.checkWritable(dir.resolve(Manifest.FILE));
        } catch (IOException e) {
            throw new InputException("cannot write to " + dir + ": " + e.getMessage());
        }
        try (RunLock lock = RunLock.acquire(Path.of(System.getProperty("java.io.tmpdir")))) {
            Manifest manifest = measure(qs, dir, started);
            return render(dir, manifest, language, true);
        }
    }

    private List<String> questions() {
        if (questions == null || questions.equals(List.of("all"))) return Catalog.QUESTIONS;
        LinkedHashSet<String> qs = new LinkedHashSet<>();
        for (String q : questions) {
            if (q.equals("all")) return Catalog.QUESTIONS;
            if (!Catalog.QUESTIONS.contains(q)) {
                throw new InputException("unknown question '" + q + "'. Valid: " + String.join(", ", Catalog.QUESTIONS) + ", all");
            }
            qs.add(q);
        }
        return List.copyOf(qs);
    }

    /** Runs every experiment the questions need, one report each, and writes the manifest after each. */
    private Manifest measure(List<String> qs, Path dir, Instant started) throws Exception {
        PrintWriter stderr = spec.commandLine().getErr();
        Estimator estimator = wiring.estimator().get(); // calibrated once for the whole lecture
        Wiring w = new Wiring(wiring.runner(), () -> estimator, wiring.nanoClock(), wiring.now(), wiring.environment(),
                wiring.machineCores(), wiring.limits(), wiring.loads());
        BenchmarkRunner probe = w.runner().apply(new RunnerContext(new PrintStream(PrintStream.nullOutputStream()),
                dir.resolve("probe.json"), "probe", null));
        List<Experiment> experiments = Catalog.forQuestions(qs, quick);
        List<Manifest.Entry> done = new ArrayList<>();
        long t0 = wiring.nanoClock().getAsLong();
        for (int i = 0; i < experiments.size(); i++) {
            Experiment e = experiments.get(i).isLoad() ? experiments.get(i) : withStandIns(experiments.get(i), probe);
            stderr.println(new dev.concur.lecture.Text(lang.resolve()).get("terminal.experiment", i + 1, experiments.size(), e.command()));
            stderr.flush();
            Path report = dir.resolve("json").resolve(e.id() + ".json");
            if (e.isLoad()) {
                // a model that cannot run here is a skipped result: its slide says so and is not judged (no JVM stand-in)
                LectureLoad.run(e, w, report, stderr, !noProgress);
            } else {
                Plan plan = Planner.plan(e.choices(), null, wiring.machineCores(), null);
                new PlanExecution(w, stderr, !noProgress, verbose, e.trace() ? 8 : null, null).execute(plan, report, wiring.now().get());
            }
            done.add(new Manifest.Entry(e.id(), e.command(), "json/" + e.id() + ".json", e.isLoad() ? Manifest.Entry.LOAD : Manifest.Entry.BENCH));
            Manifest m = new Manifest(Manifest.SCHEMA, Version.get(), started.toString(),
                    (wiring.nanoClock().getAsLong() - t0) / 1e9, quick, qs, List.copyOf(done));
            AtomicFiles.write(dir.resolve(Manifest.FILE), JSON.writeValueAsBytes(m));
        }
        return new Manifest(Manifest.SCHEMA, Version.get(), started.toString(), (wiring.nanoClock().getAsLong() - t0) / 1e9,
                quick, qs, List.copyOf(done));
    }

    /** A peer that cannot run here gets its JVM counterpart added to the experiment, to stand in (labelled as such). */
    private Experiment withStandIns(Experiment e, BenchmarkRunner probe) {
        List<String> models = new ArrayList<>(e.choices().models());
        for (String m : e.choices().models()) {
            String counterpart = dev.concur.peer.PeerModels.find(m).isPresent() ? counterpartOf(m) : null;
            if (counterpart == null || models.contains(counterpart)) continue;
            Benchmark b = Benchmark.of(m, e.choices().workloads().get(0), new dev.concur.workload.WorkloadParams(1, 0, 0), 1, 1);
            if (probe.whyUnavailable(b) != null) models.add(counterpart);
        }
        if (models.equals(e.choices().models())) return e;
        Choices c = e.choices();
        return new Experiment(e.id(), new Choices(List.copyOf(models), c.workloads(), c.tasks(), c.latencyNanos(), c.work(),
                c.threads(), c.cores(), c.profile(), c.forks(), c.warmup(), c.iterations(), c.timeNanos(), c.maxBatchNanos(),
                c.timeoutNanos(), c.precisionPct()), e.trace());
    }

    private static String counterpartOf(String peer) {
        return dev.concur.lecture.Evidence.counterpart(peer);
    }

    private static Manifest readManifest(Path dir) {
        Path file = dir.resolve(Manifest.FILE);
        var tree = InputFiles.readJson(file, "a lecture manifest");
        try {
            Manifest m = JSON.treeToValue(tree, Manifest.class);
            if (m.schemaVersion() != Manifest.SCHEMA) throw new InputException(file + ": unknown schemaVersion " + m.schemaVersion());
            if (m.questions() == null || m.experiments() == null) throw new InputException(file + ": questions or experiments missing");
            return m;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(file + ": not a lecture manifest (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** Reads the reports, computes the verdicts, prints them and writes the deck in {@code language}. */
    private int render(Path dir, Manifest manifest, String language, boolean measured) throws IOException {
        Map<String, Report> reports = new LinkedHashMap<>();
        Map<String, LoadReport> loads = new LinkedHashMap<>();
        for (Manifest.Entry e : manifest.experiments()) {
            Path p = dir.resolve(e.report()).normalize();
            if (!p.startsWith(dir.normalize())) throw new InputException(Manifest.FILE + ": " + e.report() + " is outside " + dir);
            if (e.isLoad()) loads.put(e.id(), LectureLoad.read(p));
            else reports.put(e.id(), ReportReader.read(p));
        }
        Deck deck = new Deck(manifest, new Evidence(reports, loads), language);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(deck.terminal());
        stdout.println();
        Map<Result, String> charts = deck.timelineFiles("charts-" + language);
        Map<Slide.Figure, String> figures = deck.figureFiles("charts-" + language);
        if (!charts.isEmpty() || !figures.isEmpty()) Files.createDirectories(dir.resolve("charts-" + language));
        for (var c : charts.entrySet()) AtomicFiles.write(dir.resolve(c.getValue()), deck.timelinePng(c.getKey()));
        for (var f : figures.entrySet()) AtomicFiles.write(dir.resolve(f.getValue()), f.getKey().png().get());
        Path html = dir.resolve("deck-" + language + ".html");
        Path md = dir.resolve("deck-" + language + ".md");
        AtomicFiles.write(html, deck.html().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(md, deck.markdown(charts, figures).getBytes(StandardCharsets.UTF_8));
        var t = deck.text();
        stdout.println(t.get("terminal.written", html));
        stdout.println(t.get("terminal.markdown", md));
        stdout.println(t.get("terminal.json", dir.resolve("json")));
        if (measured) stdout.println(t.get("deck.rerender", dir));
        stdout.flush();
        boolean bad = reports.values().stream().anyMatch(r -> r.summary().failed() + r.summary().invalid() + r.summary().timeout() > 0)
                || loads.values().stream().anyMatch(r -> r.results().stream().anyMatch(LectureLoad::failed));
        return bad ? ExitCodes.FAILURE : ExitCodes.OK;
    }
}
