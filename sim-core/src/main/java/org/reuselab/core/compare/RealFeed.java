package org.reuselab.core.compare;

import org.reuselab.core.host.Feed;
import org.reuselab.core.model.Chooser;
import org.reuselab.core.model.hash.FlowPicker;
import org.reuselab.core.trace.Trace;

/** The feed built from a real kernel's trace of the same scenario. */
public final class RealFeed implements Feed {

    private final FeedingChooser chooser;
    private final LearnedFlowPicker flows;

    public RealFeed(Trace real, long seed) {
        this(Observations.of(real), seed, java.util.List.of());
    }

    /** {@code script}: the options to take at the migrations the real trace leaves open ({@link LearnedFlowPicker}). */
    RealFeed(Observations real, long seed, java.util.List<Integer> script) {
        this.chooser = new FeedingChooser(real, seed);
        this.flows = new LearnedFlowPicker(real, script);
    }

    @Override
    public Chooser chooser() {
        return chooser;
    }

    @Override
    public FlowPicker flows() {
        return flows;
    }

    @Override
    public void beginStep(int step) {
        chooser.beginStep(step);
        flows.beginStep(step);
    }

    public FeedingChooser feedingChooser() {
        return chooser;
    }

    public LearnedFlowPicker learnedFlows() {
        return flows;
    }
}
