package org.reuselab.core.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for misspelt names, by edit distance ignoring case. */
public final class Suggest {

    private Suggest() {
    }

    /** The candidate nearest to {@code input}, if it is near enough to be a likely typo. */
    public static Optional<String> closest(String input, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(input, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, input.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** The {@code n} candidates nearest to {@code input}, nearest first (ties keep list order). */
    public static List<String> nearest(String input, List<String> candidates, int n) {
        List<String> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(c -> distance(input, c)));
        return sorted.subList(0, Math.min(n, sorted.size()));
    }

    /** {@code did you mean "x"? LABEL: a, b, c} or just {@code LABEL: a, b, c}. */
    public static String hint(String input, List<String> candidates, String label) {
        String list = label + ": " + String.join(", ", candidates);
        return closest(input, candidates).map(c -> "did you mean \"" + c + "\"? " + list).orElse(list);
    }

    public static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int subst = prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(subst, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }
}
