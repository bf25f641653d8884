package dev.concur.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every model by name, in the order {@code all} runs them (sequential first: it is the baseline).
 * Registering a new model is one line here.
 */
public final class ModelRegistry {
    private static final Map<String, Supplier<ConcurrencyModel>> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, Supplier<ConcurrencyModel>> FAULTS = new LinkedHashMap<>();
    /** Models run when named, listed as valid, not part of "all" (which is the default matrix). */
    private static final Map<String, Supplier<ConcurrencyModel>> OPT_IN = new LinkedHashMap<>();

    static {
        register(SequentialModel::new);
        register(PlatformPoolModel::new);
        register(PlatformPerTaskModel::new);
        register(VirtualThreadModel::new);
        register(ForkJoinModel::new);
        register(EventLoopModel::new);
        // Project Reactor: a library's model rather than one of the JDK's own; run when named, so that
        // the default matrix stays the six JDK models (about 100 s on 2 cores)
        OPT_IN.put("reactive", ReactiveModel::new);

        // Fault models: deliberately broken, selectable by name only, never part of "all".
        fault(dev.concur.model.faults.SpinFaultModel::new);
        fault(dev.concur.model.faults.DeadlockFaultModel::new);
        fault(dev.concur.model.faults.NeverCompletesFaultModel::new);
        fault(dev.concur.model.faults.ThrowFaultModel::new);
        fault(dev.concur.model.faults.LoseFaultModel::new);
        fault(dev.concur.model.faults.LeakFaultModel::new);
    }

    private static void fault(Supplier<ConcurrencyModel> factory) {
        FAULTS.put(factory.get().name(), factory);
    }

    /** Models listed as valid but run only when named ({@code reactive}). */
    public static List<String> optInNames() {
        return List.copyOf(OPT_IN.keySet());
    }

    /** The fault models' names (for concur list and name resolution). */
    public static List<String> faultNames() {
        return List.copyOf(FAULTS.keySet());
    }

    private ModelRegistry() {}

    private static void register(Supplier<ConcurrencyModel> factory) {
        BY_NAME.put(factory.get().name(), factory);
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** A new, unopened instance. */
    public static ConcurrencyModel create(String name) {
        Supplier<ConcurrencyModel> f = BY_NAME.containsKey(name) ? BY_NAME.get(name)
                : OPT_IN.containsKey(name) ? OPT_IN.get(name) : FAULTS.get(name);
        if (f == null) throw new IllegalArgumentException("unknown model: " + name);
        return f.get();
    }
}
