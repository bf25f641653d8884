package dev.concur.model.faults;

import dev.concur.model.Caps;
import dev.concur.model.ConcurrencyModel;
import dev.concur.model.ModelSettings;
import dev.concur.model.ModelUsage;
import dev.concur.model.ThreadTracker;

/**
 * Base of the fault models: deliberately broken "concurrency models" that exist to prove concur
 * survives what real concurrency code does (hang, deadlock, lose work, throw). They are hidden:
 * not part of {@code --model=all} nor of the comparison tables, selectable only by name
 * ({@code --model=fault-spin}), and listed apart by {@code concur list}.
 */
abstract class FaultModel implements ConcurrencyModel {
    protected final ThreadTracker tracker = new ThreadTracker();

    @Override
    public void open(ModelSettings settings) {
        // nothing to create
    }

    @Override
    public Caps caps(ModelSettings s, int tasks) {
        // Claim the best case, so that the estimate never skips a fault model: its whole point is
        // to run (and hang, or throw) so that concur's handling is exercised.
        return new Caps(tasks, Math.min(tasks, s.cores()), 2, "a fault model: estimated as if it were ideal");
    }

    @Override
    public ModelUsage usage() {
        return tracker.usage(null);
    }

    @Override
    public void close() {
        // nothing to shut down
    }
}
