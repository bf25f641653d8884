package dev.concur.suite;

import dev.concur.input.InputException;
import dev.concur.input.InputFiles;
import dev.concur.input.Names;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds suites. {@code --suite PATH} reads that file. {@code --suite NAME} looks for
 * {@code NAME.yaml} in {@code ./benchmarks/}, then in {@code $CONCUR_HOME/benchmarks/} (the
 * launcher sets it to the checkout), then among the suites bundled in the jar — so an edited
 * file in the checkout wins over the copy built into the jar.
 */
public final class Suites {
    private static final String BUNDLED = "suites";

    private Suites() {}

    public static Suite load(String nameOrPath, int machineCores) {
        boolean looksLikePath = nameOrPath.contains("/") || nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml");
        if (looksLikePath) return parseFile(Path.of(nameOrPath), machineCores);
        for (Path dir : searchDirs()) {
            Path p = dir.resolve(nameOrPath + ".yaml");
            if (Files.isRegularFile(p)) return parseFile(p, machineCores);
        }
        String bundled = readBundled(nameOrPath);
        if (bundled != null) return SuiteParser.parse(nameOrPath, "bundled:" + nameOrPath + ".yaml", bundled, machineCores);
        List<String> known = names();
        String near = Names.nearest(nameOrPath, known);
        throw new InputException("unknown suite '" + nameOrPath + "'" + (near != null ? "; did you mean '" + near + "'?" : ".")
                + " Valid: " + String.join(", ", known) + " (or a path to a .yaml file)");
    }

    /** Every suite name that {@link #load} would find, sorted. */
    public static List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        for (Path dir : searchDirs()) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                        .forEach(f -> names.add(f.substring(0, f.length() - 5)));
            } catch (IOException ignored) {
                // a missing folder has no suites
            }
        }
        names.addAll(bundledNames());
        return List.copyOf(names);
    }

    private static Suite parseFile(Path p, int machineCores) {
        String text = InputFiles.readText(p, "a suite file");
        String file = p.getFileName().toString();
        String name = file.replaceFirst("\\.ya?ml$", "");
        return SuiteParser.parse(name, p.toString(), text, machineCores);
    }

    private static List<Path> searchDirs() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(Path.of("benchmarks"));
        String home = System.getenv("CONCUR_HOME");
        if (home != null && !home.isBlank()) {
            Path h = Path.of(home, "benchmarks");
            if (!h.toAbsolutePath().normalize().equals(Path.of("benchmarks").toAbsolutePath().normalize())) dirs.add(h);
        }
        return dirs.stream().filter(Files::isDirectory).toList();
    }

    private static String readBundled(String name) {
        try (InputStream in = Suites.class.getClassLoader().getResourceAsStream(BUNDLED + "/" + name + ".yaml")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> bundledNames() {
        URL url = Suites.class.getClassLoader().getResource(BUNDLED);
        if (url == null) return List.of();
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return listYaml(fs.getPath(BUNDLED));
                }
            }
            return listYaml(Path.of(uri));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> listYaml(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - 5)).toList();
        }
    }
}
