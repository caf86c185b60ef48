package org.reuselab.core.compare;

import org.reuselab.core.model.Chooser;
import org.reuselab.core.model.hash.FlowPicker;
import org.reuselab.core.trace.Trace;

/** The feed built from a real kernel's trace of the same scenario. */
public final class RealFeed implements Feed {

    private final FeedingChooser chooser;
    private final LearnedFlowPicker flows;

    public RealFeed(Trace real, long seed) {
        Observations o = Observations.of(real);
        this.chooser = new FeedingChooser(o, seed);
        this.flows = new LearnedFlowPicker(o);
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
