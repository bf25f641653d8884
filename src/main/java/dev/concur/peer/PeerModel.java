package dev.concur.peer;

import dev.concur.model.Caps;
import dev.concur.model.ModelSettings;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A concurrency model that runs outside the JVM, in a peer program written the way a practitioner
 * of that language would write it (src/peers/go, src/peers/python, src/peers/node). The JVM
 * measures and validates it like any JVM model: same workloads, same task values, same checksum.
 *
 * @param name          what users type: {@code --model=go-goroutine}
 * @param runtime       the language runtime that runs it
 * @param description   one line for {@code concur list} and the report
 * @param caps          how many tasks can wait and compute at once, given the settings and the task count
 * @param workloads     the workloads the program implements
 * @param requirements  Python modules (or npm packages) it needs beyond the runtime itself
 * @param services      other programs it needs (e.g. {@code redis-server} for Celery's broker)
 * @param install       the command that installs what is missing, for the skip note
 */
public record PeerModel(String name, PeerRuntime runtime, String description,
                        BiFunction<ModelSettings, Integer, Caps> caps, Set<String> workloads,
                        List<String> requirements, List<String> services, String install) {

    /** The concurrency limits at these settings, for the estimate, the skip rule and efficiency. */
    public Caps caps(ModelSettings s, int tasks) {
        return caps.apply(s, tasks);
    }

    public boolean supports(String workload) {
        return workloads.contains(workload);
    }
}
