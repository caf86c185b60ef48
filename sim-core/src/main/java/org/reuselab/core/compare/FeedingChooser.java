package org.reuselab.core.compare;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.reuselab.core.model.Chooser;
import org.reuselab.core.model.SeededChooser;

/**
 * The chooser of a comparison: a port search starts where the real kernel's search must have
 * started to end on the port it took (so the model checks that port was a legal choice, and the
 * next ones follow from it); every other draw comes from a seeded stream.
 */
public final class FeedingChooser implements Chooser {

    private final SeededChooser fallback;
    private final Observations real;
    private Deque<Integer> targets = new ArrayDeque<>();
    private final List<String> notes = new ArrayList<>();
    private int step;

    public FeedingChooser(Observations real, long seed) {
        this.real = real;
        this.fallback = new SeededChooser(seed);
    }

    void beginStep(int n) {
        step = n;
        targets = real.ports(n);
    }

    @Override
    public int uniform(Draw draw, int bound) {
        return fallback.uniform(draw, bound);
    }

    @Override
    public int bits32(Draw draw) {
        return fallback.bits32(draw);
    }

    /** Starting at the real port makes the search end there if, and only if, the model allows it. */
    @Override
    public int searchOffset(Draw draw, int low, int span) {
        for (int port : targets) {
            if (port >= low && port < low + span) {
                return port - low;
            }
        }
        return fallback.uniform(draw, span);
    }

    @Override
    public int connectOffset(int low, int span, int computed) {
        for (int port : targets) {
            if (port >= low && port < low + span) {
                return port - low;
            }
        }
        return computed;
    }

    @Override
    public void tookPort(int port) {
        if (!targets.remove(port) && !targets.isEmpty()) {
            notes.add("step " + step + ": the model took port " + port + " where the kernel took " + targets.peek());
        }
    }

    public List<String> notes() {
        return notes;
    }
}
