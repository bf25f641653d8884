package dev.concur.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concur.cli.CliFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seals the machine-readable report: a seeded fake run must produce exactly the committed file,
 * under any default locale. A deliberate schema change regenerates it with
 * {@code ./mvnw test -Dtest=ReportGoldenTest -Dconcur.updateGolden=true} and is reviewed as a diff.
 */
class ReportGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/report.json");
    private static final Path GOLDEN_TABLE = Path.of("src/test/resources/golden/table.txt");
    private final Locale saved = Locale.getDefault();

    @TempDir
    Path dir;

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest(name = "locale {0}")
    @ValueSource(strings = {"", "de-DE", "es-ES"})
    void reportMatchesGoldenFile(String tag) throws IOException {
        Locale.setDefault(Locale.forLanguageTag(tag));
        CliFixture cli = new CliFixture();
        cli.runner.invalid("platform-per-task").failing("platform");
        Path out = dir.resolve("report.json");
        cli.run("bench", "--model=all", "--workload=all", "--out", out.toString());
        String actual = Files.readString(out, StandardCharsets.UTF_8);
        String table = cli.out.substring(0, cli.out.indexOf("report: "));
        if (Boolean.getBoolean("concur.updateGolden")) {
            Files.writeString(GOLDEN, actual);
            Files.writeString(GOLDEN_TABLE, table);
        }
        assertEquals(Files.readString(GOLDEN), actual);
        assertEquals(Files.readString(GOLDEN_TABLE), table);
    }

    @Test
    void atomicWriteReplacesWholeFileAndLeavesNoTemp() throws IOException {
        Path target = dir.resolve("x.json");
        dev.concur.files.AtomicFiles.write(target, "{\"old\":true}\n");
        dev.concur.files.AtomicFiles.write(target, "{\"new\":true}\n");
        assertEquals("{\"new\":true}\n", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the report remains");
        }
    }
}
