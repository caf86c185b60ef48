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
 */
public final class LearnedFlowPicker implements FlowPicker {

    private static final long SPACE = 1L << 32;

    private final Observations real;
    private final Map<FourTuple, long[]> intervals = new HashMap<>();
    private final List<String> contradictions = new ArrayList<>();
    private final List<String> guesses = new ArrayList<>();
    private final java.util.Set<Integer> guessedSteps = new java.util.TreeSet<>();
    private int step;

    public LearnedFlowPicker(Observations real) {
        this.real = real;
    }

    void beginStep(int n) {
        step = n;
    }

    @Override
    public int pick(Endpoint hashLocal, Endpoint remote, List<SimSocket> members, Purpose purpose) {
        FourTuple flow = new FourTuple(hashLocal, remote);
        long[] known = intervals.getOrDefault(flow, new long[] {0, SPACE - 1});
        int n = members.size();
        Optional<String> seen = purpose == Purpose.SELECT ? real.listener(step, remote) : real.acceptedBy(remote);
        int observed = seen.map(name -> indexOf(members, name)).orElse(-1);
        if (observed >= 0) {
            long[] slot = slot(observed, n);
            long lo = Math.max(known[0], slot[0]);
            long hi = Math.min(known[1], slot[1]);
            if (lo > hi) {
                contradictions.add("step " + step + ": flow " + remote + " -> " + hashLocal + " reached member "
                        + observed + " of " + n + ", but earlier observations put its hash in [" + known[0] + ", "
                        + known[1] + "]");
                intervals.put(flow, slot);
            } else {
                intervals.put(flow, new long[] {lo, hi});
            }
            return observed;
        }
        int first = (int) ((known[0] * n) >>> 32);
        int last = (int) ((known[1] * n) >>> 32);
        if (first != last) {
            guesses.add("step " + step + ": flow " + remote + " could reach members " + first + ".." + last + " of " + n);
            guessedSteps.add(step);
        }
        return (int) ((((known[0] + known[1]) / 2) * n) >>> 32);
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

    public List<String> guesses() {
        return guesses;
    }

    /** Steps in which a flow's member had to be guessed (no observation settled it). */
    public java.util.Set<Integer> guessedSteps() {
        return guessedSteps;
    }
}
