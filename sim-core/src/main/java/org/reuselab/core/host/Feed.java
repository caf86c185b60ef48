package org.reuselab.core.host;

import org.reuselab.core.model.Chooser;
import org.reuselab.core.model.hash.FlowPicker;

/**
 * What a comparison feeds the simulator: a chooser that takes the values the real kernel drew,
 * a flow picker that learns per-flow hash intervals, and the step about to run.
 */
public interface Feed {

    Chooser chooser();

    FlowPicker flows();

    /** Called before each step (0 for the file's sysctls). */
    void beginStep(int step);
}
