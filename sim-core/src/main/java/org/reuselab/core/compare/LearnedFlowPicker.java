package org.reuselab.core.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.reuselab.core.model.hash.FlowPicker;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.FourTuple;

/**
 * The flow picker of a comparison. The real kernel's hash secret is unknown, so each flow's hash
 * is known only as an interval of 32-bit values: an observation "flow f reached member i of n"
 * narrows it to the values with {@code (h * n) >> 32 == i}. Observations of the same flow under
 * different group sizes must intersect; if they do not, the model's index rule is contradicted.
 * Without an observation the interval predicts the member when it maps to one index.
 *
 * <p>A migration is not such an observation: a migrating flow keeps to the members its interval
 * allows, and the real trace only tells among those ({@link MigrationEvidence}). Where it leaves
 * more than one, the choice is a guess point: the picker takes the choices of a script (the
 * rest by default) and records every guess point, so that {@link Comparison} can try others.
 */
public final class LearnedFlowPicker implements FlowPicker {

    private static final long SPACE = 1L << 32;

    /** A migration the real trace left open: its step, how many members were possible, which one was taken. */
    record GuessPoint(int step, int options, int taken) {
    }

    private final Observations real;
    private final MigrationEvidence evidence;
    private final List<Integer> script;
    private final Map<FourTuple, long[]> intervals = new HashMap<>();
    private final List<String> contradictions = new ArrayList<>();
    private final List<Integer> contradictionSteps = new ArrayList<>();
    private final List<String> guesses = new ArrayList<>();
    private final java.util.Set<Integer> guessedSteps = new java.util.TreeSet<>();
    private final List<GuessPoint> guessPoints = new ArrayList<>();
    private int step;

    public LearnedFlowPicker(Observations real) {
        this(real, List.of());
    }

    /** {@code script}: the option taken at each guess point in turn (the default, 0, after its end). */
    LearnedFlowPicker(Observations real, List<Integer> script) {
        this.real = real;
        this.evidence = new MigrationEvidence(real);
        this.script = List.copyOf(script);
    }

    void beginStep(int n) {
        step = n;
    }

    @Override
    public int pick(Endpoint hashLocal, Endpoint remote, List<SimSocket> members, Purpose purpose) {
        FourTuple flow = new FourTuple(hashLocal, remote);
        long[] known = intervals.getOrDefault(flow, new long[] {0, SPACE - 1});
        return switch (purpose) {
            case SELECT -> select(flow, known, members);
            case MIGRATE_CHILD, MIGRATE_REQUEST -> migrate(flow, known, members, purpose);
        };
    }

    /** A listener lookup: the member the real trace says the flow reached in this step is an observation. */
    private int select(FourTuple flow, long[] known, List<SimSocket> members) {
        int n = members.size();
        int observed = real.listener(step, flow.remote()).map(name -> indexOf(members, name)).orElse(-1);
        if (observed >= 0) {
            long[] slot = slot(observed, n);
            long lo = Math.max(known[0], slot[0]);
            long hi = Math.min(known[1], slot[1]);
            if (lo > hi) {
                contradiction("step " + step + ": flow " + flow.remote() + " -> " + flow.local() + " reached member "
                        + observed + " of " + n + ", but earlier observations put its hash in [" + known[0] + ", "
                        + known[1] + "]");
                intervals.put(flow, slot);
            } else {
                intervals.put(flow, new long[] {lo, hi});
            }
            return observed;
        }
        int first = index(known[0], n);
        int last = index(known[1], n);
        if (first != last) {
            guesses.add("step " + step + ": flow " + flow.remote() + " could reach members " + first + ".." + last
                    + " of " + n);
            guessedSteps.add(step);
        }
        return index((known[0] + known[1]) / 2, n);
    }

    /**
     * A migration (reuseport_migrate_sock(), 5.14+): the flow goes to the member its hash picks
     * among those still listening, so only members whose slot meets its interval are candidates;
     * the real trace confirms or excludes some of them. The interval narrows to the chosen slot.
     */
    private int migrate(FourTuple flow, long[] known, List<SimSocket> members, Purpose purpose) {
        int n = members.size();
        int first = index(known[0], n);
        int last = index(known[1], n);
        List<Integer> possible = new ArrayList<>();
        int chosen = first == last ? first : -1;
        for (int i = first; i <= last && chosen < 0; i++) {
            switch (evidence.of(flow.remote(), members.get(i), purpose, step)) {
                case CONFIRMED -> chosen = i;
                case POSSIBLE -> possible.add(i);
                case EXCLUDED -> { }
            }
        }
        if (chosen < 0) {
            chosen = undecided(flow, known, n, first, last, possible);
        }
        long[] slot = slot(chosen, n);
        intervals.put(flow, new long[] {Math.max(known[0], slot[0]), Math.min(known[1], slot[1])});
        return chosen;
    }

    /** No candidate confirmed: the only possible one, else a guess point; with none left, a contradiction. */
    private int undecided(FourTuple flow, long[] known, int n, int first, int last, List<Integer> possible) {
        int middle = index((known[0] + known[1]) / 2, n);
        if (possible.isEmpty()) {
            contradiction("step " + step + ": flow " + flow.remote() + " -> " + flow.local() + " migrates to one of"
                    + " members " + first + ".." + last + " of " + n + ", but earlier observations (its hash in ["
                    + known[0] + ", " + known[1] + "]) and the real accept order leave none");
            return middle;
        }
        if (possible.size() == 1) {
            return possible.getFirst();
        }
        // The default first (the member of the interval's middle, if possible), then the others in order.
        List<Integer> options = new ArrayList<>(possible);
        if (options.remove(Integer.valueOf(middle))) {
            options.addFirst(middle);
        }
        int point = guessPoints.size();
        int taken = point < script.size() ? Math.min(script.get(point), options.size() - 1) : 0;
        guessPoints.add(new GuessPoint(step, options.size(), taken));
        guesses.add("step " + step + ": flow " + flow.remote() + " could migrate to members " + options + " of " + n);
        return options.get(taken);
    }

    private void contradiction(String text) {
        contradictions.add(text);
        contradictionSteps.add(step);
    }

    private static int index(long h, int n) {
        return (int) ((h * n) >>> 32);
    }

    private static int indexOf(List<SimSocket> members, String name) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The hash values that pick member i of n: [ceil(i * 2^32 / n), ceil((i+1) * 2^32 / n) - 1]. */
    static long[] slot(int i, int n) {
        long lo = Math.ceilDiv(i * SPACE, n);
        long hi = Math.ceilDiv((i + 1) * SPACE, n) - 1;
        return new long[] {lo, hi};
    }

    @Override
    public OptionalInt hash(Endpoint hashLocal, Endpoint remote) {
        return OptionalInt.empty();
    }

    public List<String> contradictions() {
        return contradictions;
    }

    /** The contradictions met before step {@code step}. */
    List<String> contradictionsBefore(int step) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < contradictions.size(); i++) {
            if (contradictionSteps.get(i) < step) {
                out.add(contradictions.get(i));
            }
        }
        return out;
    }

    /** The first step with a contradiction, if any. */
    OptionalInt firstContradictionStep() {
        return contradictionSteps.isEmpty() ? OptionalInt.empty() : OptionalInt.of(contradictionSteps.getFirst());
    }

    public List<String> guesses() {
        return guesses;
    }

    /** Steps in which a flow's member had to be guessed (no observation settled it). */
    public java.util.Set<Integer> guessedSteps() {
        return guessedSteps;
    }

    /** The migrations this run had to guess, in the order they were met. */
    List<GuessPoint> guessPoints() {
        return guessPoints;
    }

    /**
     * The next script to try, depth first: the last guess point made no later than step
     * {@code failedAt} that has an untried option takes it, earlier ones keep theirs, later ones
     * start over. Empty when every combination before that step has been tried.
     */
    Optional<List<Integer>> nextScript(int failedAt) {
        for (int i = guessPoints.size() - 1; i >= 0; i--) {
            GuessPoint g = guessPoints.get(i);
            if (g.step() <= failedAt && g.taken() + 1 < g.options()) {
                List<Integer> next = new ArrayList<>();
                for (int k = 0; k < i; k++) {
                    next.add(guessPoints.get(k).taken());
                }
                next.add(g.taken() + 1);
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }
}
