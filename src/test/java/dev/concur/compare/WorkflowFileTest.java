package dev.concur.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The example workflow is valid YAML and passes only inputs its actions declare (from their action.yml). */
class WorkflowFileTest {
    private static final Map<String, Set<String>> INPUTS = Map.of(
            "actions/checkout@v4", Set.of("repository", "ref", "token", "ssh-key", "ssh-known-hosts", "ssh-strict",
                    "ssh-user", "persist-credentials", "path", "clean", "filter", "sparse-checkout",
                    "sparse-checkout-cone-mode", "fetch-depth", "fetch-tags", "show-progress", "lfs", "submodules",
                    "set-safe-directory", "github-server-url"),
            "actions/setup-java@v4", Set.of("java-version", "java-version-file", "distribution", "java-package",
                    "architecture", "jdkFile", "check-latest", "server-id", "server-username", "server-password",
                    "settings-path", "overwrite-settings", "gpg-private-key", "gpg-passphrase", "cache",
                    "cache-dependency-path", "job-status", "token", "mvn-toolchain-id", "mvn-toolchain-vendor"),
            "actions/upload-artifact@v4", Set.of("name", "path", "if-no-files-found", "retention-days",
                    "compression-level", "overwrite", "include-hidden-files"));

    @Test
    void perfWorkflowIsValidAndUsesRealInputs() throws Exception {
        JsonNode wf = new YAMLMapper().readTree(Path.of(".github/workflows/perf.yml").toFile());
        assertTrue(wf.has("on") || wf.has("true"), "has a trigger");
        JsonNode steps = wf.get("jobs").get("perf-gate").get("steps");
        int used = 0;
        for (JsonNode step : steps) {
            if (!step.has("uses")) {
                assertTrue(step.get("run").asText().contains("ci-perf-check.sh") || step.get("run").asText().contains("GITHUB_STEP_SUMMARY"));
                continue;
            }
            String uses = step.get("uses").asText();
            Set<String> known = INPUTS.get(uses);
            assertTrue(known != null, "an action this test knows: " + uses);
            step.path("with").fieldNames().forEachRemaining(k -> assertTrue(known.contains(k), uses + " has no input " + k));
            used++;
        }
        assertEquals(3, used);
        assertEquals("temurin", steps.get(1).get("with").get("distribution").asText());
        assertEquals("25", steps.get(1).get("with").get("java-version").asText());
        assertEquals("maven", steps.get(1).get("with").get("cache").asText());
    }
}
