package org.reuselab.core.host;

import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.trace.Trace;

/** Runs a scenario and records what happened: the simulator ({@link SimHost}) or a real kernel. */
public interface Host {

    Trace run(Scenario scenario, RunOptions options);
}
