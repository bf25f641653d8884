package dev.concur.input;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Resolves comma lists of names ({@code all} included) and suggests the nearest valid name. */
public final class Names {
    private Names() {}

    /** The names in {@code asked} ({@code all} expands), in {@code valid}'s order; unknown names throw. */
    public static List<String> resolve(String kind, List<String> asked, List<String> valid) {
        return resolve(kind, asked, valid, List.of());
    }

    /** As above; {@code hidden} names are accepted by name but never listed nor part of {@code all}. */
    public static List<String> resolve(String kind, List<String> asked, List<String> valid, List<String> hidden) {
        return resolve(kind, asked, valid, List.of(), hidden);
    }

    /**
     * The general form: {@code valid} names make up {@code all}; {@code optIn} names are listed as
     * valid but only run when named; {@code hidden} names run when named and are never listed.
     */
    public static List<String> resolve(String kind, List<String> asked, List<String> valid, List<String> optIn,
                                       List<String> hidden) {
        return resolve(kind, asked, valid, optIn, hidden, java.util.Map.of());
    }

    /** As above, with named groups ({@code peers}) that expand to their members. */
    public static List<String> resolve(String kind, List<String> asked, List<String> valid, List<String> optIn,
                                       List<String> hidden, java.util.Map<String, List<String>> groups) {
        List<String> listed = new ArrayList<>(valid);
        listed.addAll(optIn);
        String validText = String.join(", ", listed) + ", all" + (groups.isEmpty() ? "" : ", " + String.join(", ", groups.keySet()))
                + (optIn.isEmpty() ? "" : " (all = " + String.join(", ", valid) + ")");
        Set<String> out = new LinkedHashSet<>();
        for (String raw : asked) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) throw new IllegalArgumentException("empty " + kind + " name in the list; valid: " + validText);
            if (name.equals("all")) {
                out.addAll(valid);
            } else if (groups.containsKey(name)) {
                out.addAll(groups.get(name));
            } else if (listed.contains(name) || hidden.contains(name)) {
                out.add(name);
            } else {
                List<String> candidates = new ArrayList<>(listed);
                candidates.addAll(groups.keySet());
                String near = nearest(name, candidates);
                throw new IllegalArgumentException("unknown " + kind + " '" + raw.trim() + "'"
                        + (near != null ? "; did you mean '" + near + "'?" : ".") + " Valid: " + validText);
            }
        }
        // keep the registry's order (sequential first), whatever order the user typed
        List<String> ordered = new ArrayList<>();
        for (String v : listed) if (out.contains(v)) ordered.add(v);
        for (String h : hidden) if (out.contains(h)) ordered.add(h);
        return ordered;
    }

    public static String nearest(String name, List<String> valid) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = distance(name, v);
            if (d < bestD) {
                bestD = d;
                best = v;
            }
        }
        return bestD <= Math.max(2, name.length() / 3) || (best != null && best.startsWith(name)) ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
