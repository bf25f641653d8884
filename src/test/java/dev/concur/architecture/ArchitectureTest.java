package dev.concur.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering docs/ARCHITECTURE.md describes, stated as rules over the compiled classes, so a
 * change that brings back a package cycle or an upward dependency fails the build:
 *
 * <pre>
 *   cli                                   the command line
 *    └ run (run.jmh)                      the host: plan, watchdog, runners
 *       ├ fork                            what runs inside a measured JVM
 *       └ report, compare, suite, scaling readers and renderers of results
 *          └ model, peer, server          concurrency models (JVM; the peer programs' catalogue; HTTP servers)
 *             └ workload                  the problems and their proof
 *                └ input, result, stats, files   the ground floor
 * </pre>
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.concur");
    }

    @Test
    void packagesHaveNoCycles() {
        ArchRule rule = slices().matching("dev.concur.(*)..").should().beFreeOfCycles();
        rule.check(classes);
    }

    @Test
    void layersDependDownwardsOnly() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("dev.concur.cli..")
                .layer("run").definedBy("dev.concur.run..")
                .layer("fork").definedBy("dev.concur.fork..")
                .layer("readers").definedBy("dev.concur.report..", "dev.concur.compare..", "dev.concur.suite..", "dev.concur.lecture..",
                        "dev.concur.scaling..")
                .layer("model").definedBy("dev.concur.model..", "dev.concur.peer..", "dev.concur.server..")
                .layer("workload").definedBy("dev.concur.workload..")
                .layer("ground").definedBy("dev.concur.input..", "dev.concur.result..", "dev.concur.stats..",
                        "dev.concur.files..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("run").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("fork").mayOnlyBeAccessedByLayers("run")
                .whereLayer("readers").mayOnlyBeAccessedByLayers("cli", "run")
                .whereLayer("model").mayOnlyBeAccessedByLayers("cli", "run", "fork", "readers")
                .whereLayer("workload").mayOnlyBeAccessedByLayers("cli", "run", "fork", "readers", "model")
                .whereLayer("ground").mayOnlyBeAccessedByLayers("cli", "run", "fork", "readers", "model", "workload");
        rule.check(classes);
    }

    @Test
    void modelsAndWorkloadsKnowNothingOfJmh() {
        noClasses().that().resideInAnyPackage("dev.concur.model..", "dev.concur.server..", "dev.concur.workload..")
                .should().dependOnClassesThat().resideInAPackage("org.openjdk.jmh..")
                .because("a model runs inside the @Benchmark body; JMH is the harness's business")
                .check(classes);
    }

    @Test
    void theGroundFloorDependsOnNothingAbove() {
        noClasses().that().resideInAnyPackage("dev.concur.input..", "dev.concur.stats..", "dev.concur.files..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.concur.result..", "dev.concur.workload..",
                        "dev.concur.model..", "dev.concur.run..", "dev.concur.cli..")
                .check(classes);
    }
}
