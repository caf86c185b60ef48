package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.reuselab.core.expect.ExpectationChecker;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.SeededChooser;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Errno;
import org.reuselab.core.scenario.AddrSpec;
import org.reuselab.core.scenario.PortSpec;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.Step;
import org.reuselab.core.scenario.SysctlSetting;
import org.reuselab.core.trace.CheckResult;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.Trace;
import org.reuselab.core.trace.TraceEntry;
import org.reuselab.core.trace.Why;

/** The simulator: executes a scenario's steps on the model of the chosen kernel profile. */
public final class SimHost implements Host {

    @Override
    public Trace run(Scenario scenario, RunOptions options) {
        KernelProfile profile = profileFor(scenario, options);
        long seed = options.seed().orElse(scenario.seed());
        return new Run(scenario, profile, seed).execute();
    }

    /** The profile a run uses: the command line's, else the file's, else the newest. */
    public static KernelProfile profileFor(Scenario scenario, RunOptions options) {
        String name = options.kernel().or(scenario::kernel).orElse(KernelProfiles.newest().name());
        return KernelProfiles.byName(name).orElseThrow(() -> new ScenarioRuntimeException(
                org.reuselab.core.scenario.SourcePos.NONE, "unknown kernel profile '" + name + "' (known: "
                        + String.join(", ", KernelProfiles.names()) + ")"));
    }

    /** One run's state and step dispatch. */
    private static final class Run {
        private final Scenario scenario;
        private final KernelProfile profile;
        private final long seed;
        private final Netns ns;
        private final SocketCalls sockets;
        private final BindCall bind;
        private final ListenCall listen;
        private final CloseCall close;
        private final ExpectationChecker checker;

        Run(Scenario scenario, KernelProfile profile, long seed) {
            this.scenario = scenario;
            this.profile = profile;
            this.seed = seed;
            this.ns = new Netns(profile, new HostAddresses(scenario.interfaces()), new SeededChooser(seed));
            this.sockets = new SocketCalls(ns);
            this.bind = new BindCall(ns);
            this.listen = new ListenCall(ns, bind);
            this.close = new CloseCall(ns);
            this.checker = new ExpectationChecker(profile.version(), ns.sockets::portOf);
        }

        Trace execute() {
            List<TraceEntry> entries = new ArrayList<>();
            for (SysctlSetting s : scenario.sysctls()) {
                StepResult r = sysctl(s);
                entries.add(new TraceEntry(0, "sysctl " + s, r.outcome(), r.why(), List.of()));
            }
            for (Step step : scenario.steps()) {
                StepResult r = dispatch(step);
                List<CheckResult> checks = step.meta().expect().map(e -> checker.check(e, r.outcome())).orElse(List.of());
                entries.add(new TraceEntry(step.meta().number(), CallText.of(step), r.outcome(), r.why(), checks));
            }
            return new Trace(scenario.name(), scenario.file(), "sim", profile.name(), seed, entries);
        }

        private StepResult dispatch(Step step) {
            return switch (step) {
                case Step.Socket s -> sockets.socket(s.sock(), s.family(), s.uid(), s.opts());
                case Step.Setsockopt s -> withSocket(s.sock(), sock -> sockets.setsockopt(sock, s.setting()));
                case Step.Bind b -> withSocket(b.sock(), sock -> bind(sock, b));
                case Step.Listen l -> withSocket(l.sock(), sock -> listen.listen(sock, l.backlog()));
                case Step.Close c -> withSocket(c.sock(), close::close);
                case Step.Shutdown s -> withSocket(s.sock(), sock -> close.shutdown(sock, s.how()));
                case Step.Info i -> withSocket(i.sock(), this::info);
                case Step.Fchown f -> withSocket(f.sock(), sock -> sockets.fchown(sock, f.uid()));
                case Step.Getsockopt g -> withSocket(g.sock(), sock -> sockets.getsockopt(sock, g.opt()));
                case Step.Sysctl s -> sysctl(s.setting());
                case Step.Dump d -> new StepResult(new Outcome.Dump(new DumpWriter(ns).lines()),
                        Optional.of(Why.of(Rule.DUMP)));
                case Step.Connect c -> StepResult.notModelled(c.op());
                case Step.Accept a -> StepResult.notModelled(a.op());
                case Step.AcceptAll a -> StepResult.notModelled(a.op());
                case Step.Write w -> StepResult.notModelled(w.op());
                case Step.Serve s -> StepResult.notModelled(s.op());
                case Step.Send s -> StepResult.notModelled(s.op());
                case Step.Handshake h -> StepResult.notModelled(h.op());
                case Step.Advance a -> StepResult.notModelled(a.op());
            };
        }

        private StepResult withSocket(String name, java.util.function.Function<SimSocket, StepResult> call) {
            return ns.sockets.find(name).map(call)
                    .orElseGet(() -> StepResult.fail(Errno.EBADF, Rule.UNKNOWN_SOCKET));
        }

        private StepResult bind(SimSocket sock, Step.Bind b) {
            int port = resolvePort(b.addr(), b);
            return bind.bind(sock, b.addr().ip(), b.addr().scope(), port,
                    b.raw().orElse(BindCall.defaultSockaddr(b.addr().ip())));
        }

        private int resolvePort(AddrSpec addr, Step step) {
            return switch (addr.port()) {
                case PortSpec.Literal l -> l.port();
                case PortSpec.SocketPort s -> {
                    OptionalInt p = ns.sockets.portOf(s.socket());
                    if (p.isEmpty()) {
                        throw new ScenarioRuntimeException(step.meta().pos(),
                                "$" + s.socket() + " has no port when step " + step.meta().number() + " runs");
                    }
                    yield p.getAsInt();
                }
                case PortSpec.Range r -> r.low();
            };
        }

        private StepResult info(SimSocket s) {
            return new StepResult(new Outcome.Info(s.state(), s.local(), s.peer()), Optional.of(Why.of(Rule.INFO)));
        }

        private StepResult sysctl(SysctlSetting setting) {
            SysctlKey key = SysctlKey.byName(setting.name()).orElseThrow();
            Optional<Errno> err = ns.sysctls.set(key, setting.value());
            return err.map(e -> StepResult.fail(e, Rule.EINVAL_SYSCTL)).orElseGet(() -> StepResult.ok(Rule.SYSCTL_SET));
        }
    }

}
