package dev.concur.input;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Parses {@code --cores}: {@code 1,2,4}, {@code 1-4}, or {@code all} (1, 2, 4, ... up to the
 * machine's count, plus the count itself: 1,2,4,8,16 on 16 cores, 1,2,4,6 on 6).
 */
public final class CoreCounts {
    private CoreCounts() {}

    /**
     * @throws IllegalArgumentException with a one-line message for bad syntax, k ≤ 0, or k above
     *                                  {@code machineCores}
     */
    public static List<Integer> parse(String text, int machineCores) {
        String t = text.trim();
        TreeSet<Integer> ks = new TreeSet<>();
        if (t.equalsIgnoreCase("all")) {
            for (int k = 1; k < machineCores; k *= 2) ks.add(k);
            ks.add(machineCores);
            return List.copyOf(ks);
        }
        for (String part : t.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) throw new IllegalArgumentException("--cores '" + text + "' has an empty entry (use 1,2,4 or 1-4 or all)");
            int dash = p.indexOf('-', 1);
            if (dash > 0) {
                int from = number(p.substring(0, dash), text);
                int to = number(p.substring(dash + 1), text);
                if (from > to) throw new IllegalArgumentException("--cores range '" + p + "' runs backwards");
                for (int k = from; k <= to; k++) ks.add(k);
            } else {
                ks.add(number(p, text));
            }
        }
        for (int k : ks) {
            if (k <= 0) throw new IllegalArgumentException("--cores " + k + ": a core count must be positive");
            if (k > machineCores) {
                throw new IllegalArgumentException("--cores " + k + ": this machine has " + machineCores
                        + (machineCores == 1 ? " core" : " cores") + " (use 1-" + machineCores + " or all)");
            }
        }
        return new ArrayList<>(ks);
    }

    private static int number(String s, String whole) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--cores '" + whole + "' is not a list of core counts (use 1,2,4 or 1-4 or all)");
        }
    }
}
