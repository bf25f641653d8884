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

    static {
        register(SequentialModel::new);
        register(PlatformPoolModel::new);
        register(PlatformPerTaskModel::new);
        register(VirtualThreadModel::new);
        register(ForkJoinModel::new);
        register(EventLoopModel::new);
    }

    private ModelRegistry() {}

    private static void register(Supplier<ConcurrencyModel> factory) {
        BY_NAME.put(factory.get().name(), factory);
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static boolean exists(String name) {
        return BY_NAME.containsKey(name);
    }

    /** A new, unopened instance. */
    public static ConcurrencyModel create(String name) {
        Supplier<ConcurrencyModel> f = BY_NAME.get(name);
        if (f == null) throw new IllegalArgumentException("unknown model: " + name);
        return f.get();
    }
}
