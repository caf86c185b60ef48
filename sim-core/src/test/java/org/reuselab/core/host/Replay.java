package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.SeededChooser;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Family;
import org.reuselab.core.scenario.PortSpec;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.Step;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.Why;

/**
 * Replays the steps {@link GenScenarios} writes through a {@link SimKernel} built the way
 * {@link SimHost} builds its own, so that tests can look at the namespace's tables between steps.
 * A listener hook runs before and after every step.
 */
final class Replay {

    /** Called around each step with the namespace, the step and (after it) its result. */
    interface Hook {
        default void before(Netns ns, Step step) {
        }

        default void after(Netns ns, Step step, StepResult result) {
        }
    }

    final Netns ns;
    private final SimKernel k;

    Replay(Scenario scenario) {
        ns = new Netns(SimHost.profileFor(scenario, RunOptions.defaults()), new HostAddresses(scenario.interfaces()),
                new SeededChooser(scenario.seed()));
        k = new SimKernel(ns);
    }

    /** Runs every step; returns the results in order. */
    List<StepResult> run(Scenario scenario, Hook hook) {
        List<StepResult> out = new ArrayList<>();
        for (Step step : scenario.steps()) {
            hook.before(ns, step);
            StepResult r = dispatch(step);
            ns.log.drain();
            hook.after(ns, step, r);
            out.add(r);
        }
        return out;
    }

    private StepResult dispatch(Step step) {
        return switch (step) {
            case Step.Socket s -> k.sockets.socket(s.sock(), s.family(), s.uid(), s.opts());
            case Step.Setsockopt s -> k.sockets.setsockopt(on(s.sock()), s.setting());
            case Step.Bind b -> k.bind.bind(on(b.sock()), b.addr().ip(), b.addr().scope(), literal(b),
                    BindCall.defaultSockaddr(b.addr().ip()));
            case Step.Listen l -> k.listen.listen(on(l.sock()), l.backlog());
            case Step.Close c -> k.close.close(on(c.sock()));
            case Step.Dump d -> new StepResult(new Outcome.Dump(new DumpWriter(ns).lines()),
                    Optional.of(Why.of(Rule.DUMP)));
            case Step.Connect c -> connect(c);
            case Step.Accept a -> k.clients.accept(on(a.sock()), a.as());
            default -> throw new IllegalArgumentException("Replay does not handle " + step.op());
        };
    }

    private StepResult connect(Step.Connect c) {
        Endpoint to = new Endpoint(c.to().ip(), ((PortSpec.Literal) c.to().port()).port(), c.to().scope());
        SimSocket s = ns.sockets.find(c.sock()).orElseGet(() -> ns.sockets.create(c.sock(),
                to.addr().isV4() ? Family.IPV4 : Family.IPV6, 0));
        return k.clients.connect(s, to, c.timeoutMs());
    }

    private SimSocket on(String name) {
        return ns.sockets.find(name).orElseThrow(() -> new AssertionError("no open socket " + name));
    }

    static int literal(Step.Bind b) {
        return ((PortSpec.Literal) b.addr().port()).port();
    }
}
