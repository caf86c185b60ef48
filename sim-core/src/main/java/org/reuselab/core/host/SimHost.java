package org.reuselab.core.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.reuselab.core.expect.ExpectationChecker;
import org.reuselab.core.expect.HostView;
import org.reuselab.core.host.Feed;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.SeededChooser;
import org.reuselab.core.model.listen.ReuseportGroup;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.scenario.AddrSpec;
import org.reuselab.core.scenario.PortSpec;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.Step;
import org.reuselab.core.scenario.SysctlSetting;
import org.reuselab.core.scenario.json.SourcePos;
import org.reuselab.core.trace.CheckResult;
import org.reuselab.core.trace.KernelCost;
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
        return new Run(scenario, profile, seed, null, options).execute();
    }

    /** A run whose random choices come from a {@link Feed} (a comparison with a real kernel). */
    public Trace run(Scenario scenario, RunOptions options, Feed feed) {
        KernelProfile profile = profileFor(scenario, options);
        long seed = options.seed().orElse(scenario.seed());
        return new Run(scenario, profile, seed, feed, options).execute();
    }

    /**
     * A run taken one step at a time, its state alive in between (for measuring the model itself,
     * e.g. the heap a million queued connections hold).
     */
    public Session start(Scenario scenario, RunOptions options) {
        KernelProfile profile = profileFor(scenario, options);
        return new Run(scenario, profile, options.seed().orElse(scenario.seed()), null, options);
    }

    /** A run in progress. */
    public sealed interface Session permits Run {
        /** Whether steps are left. */
        boolean hasNext();

        /** Runs the next step (first of all, the file's sysctls). */
        void step();

        /** The trace so far. */
        Trace trace();

        /** The kernel's work so far (port checks and owners walked). */
        KernelCost cost();

        /** The outcome of the step run last. */
        Outcome lastOutcome();
    }

    /** The profile a run uses: the command line's, else the file's, else the newest. */
    public static KernelProfile profileFor(Scenario scenario, RunOptions options) {
        if (options.kernel().isPresent()) {
            return options.kernel().get();
        }
        String name = scenario.kernel().orElse(KernelProfiles.newest().name());
        return KernelProfiles.byName(name).orElseThrow(() -> new ScenarioRuntimeException(SourcePos.NONE,
                "unknown kernel profile '" + name + "' (known: " + String.join(", ", KernelProfiles.names()) + ")"));
    }

    /** One run's state and step dispatch. */
    private static final class Run implements Session {
        private final Scenario scenario;
        private final KernelProfile profile;
        private final long seed;
        private final Netns ns;
        private final SocketCalls sockets;
        private final BindCall bind;
        private final ListenCall listen;
        private final CloseCall close;
        private final ClientCalls clients;
        private final PeerCalls peers;
        private final ExpectationChecker checker;
        private final Feed feed;
        private final TraceCollector entries;
        /** Whether {@link HostInvariants} are checked after every step. */
        private final boolean invariants;
        /** The next step's index; -1 before the file's sysctls. */
        private int next = -1;

        Run(Scenario scenario, KernelProfile profile, long seed, Feed feed, RunOptions options) {
            TraceDetail detail = options.detail();
            this.invariants = options.invariants();
            this.scenario = scenario;
            this.profile = profile;
            this.seed = seed;
            this.feed = feed;
            HostAddresses addresses = new HostAddresses(scenario.interfaces());
            this.ns = feed == null ? new Netns(profile, addresses, new SeededChooser(seed), null, detail)
                    : new Netns(profile, addresses, feed.chooser(), feed.flows(), detail);
            SimKernel k = new SimKernel(ns);
            this.sockets = k.sockets;
            this.bind = k.bind;
            this.listen = k.listen;
            this.close = k.close;
            this.clients = k.clients;
            this.peers = k.peers;
            this.checker = new ExpectationChecker(profile, new View(ns));
            this.entries = new TraceCollector(detail);
        }

        Trace execute() {
            while (hasNext()) {
                step();
            }
            return trace();
        }

        @Override
        public boolean hasNext() {
            return next < scenario.steps().size();
        }

        @Override
        public void step() {
            if (next < 0) {
                fileSysctls();
            } else {
                runStep(scenario.steps().get(next));
            }
            if (invariants) {
                List<String> broken = HostInvariants.check(ns);
                if (!broken.isEmpty()) {
                    throw new ModelInvariantException("after step " + Math.max(next + 1, 0) + ": "
                            + String.join("; ", broken));
                }
            }
            next++;
        }

        /** The file's sysctls, set before the first step, as step 0 (one entry each). */
        private void fileSysctls() {
            begin(0);
            for (SysctlSetting s : scenario.sysctls()) {
                StepResult r = sysctl(s);
                entries.add(new TraceEntry(0, "sysctl " + s, r.outcome(), r.why(), ns.log.drain(), List.of()));
            }
        }

        private void runStep(Step step) {
            begin(step.meta().number());
            StepResult r = dispatch(step);
            List<CheckResult> checks = step.meta().expect().map(e -> checker.check(e, r.outcome())).orElse(List.of());
            entries.add(new TraceEntry(step.meta().number(), CallText.of(step), r.outcome(), r.why(), ns.log.drain(),
                    checks));
        }

        @Override
        public KernelCost cost() {
            return ns.cost.total();
        }

        @Override
        public Outcome lastOutcome() {
            return entries.lastOutcome();
        }

        @Override
        public Trace trace() {
            return new Trace(scenario.name(), scenario.file(), "sim", profile.name(), seed, entries.entries(),
                    Optional.of(ns.cost.total()));
        }

        private void begin(int step) {
            if (feed != null) {
                feed.beginStep(step);
            }
        }

        private StepResult dispatch(Step step) {
            return switch (step) {
                case Step.Socket s -> {
                    // A name still open stands for a socket the runner closes first (as a real one does).
                    ns.sockets.find(s.sock()).ifPresent(close::close);
                    yield sockets.socket(s.sock(), s.family(), s.uid(), s.opts());
                }
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
                case Step.Connect c -> connect(c);
                case Step.Accept a -> withSocket(a.sock(), l -> clients.accept(l, a.as()));
                case Step.AcceptAll a -> withSocket(a.sock(), clients::acceptAll);
                case Step.Write w -> withSocket(w.sock(), s -> clients.write(s, w.bytes()));
                case Step.Serve s -> withSocket(s.sock(), l -> clients.serve(l, s.serve(), s.close()));
                case Step.Send s -> peers.send(endpoint(s.from(), s), endpoint(s.to(), s), s.flags(), s.payload());
                case Step.Handshake h -> handshake(h);
                case Step.Advance a -> peers.advance(a.ms());
            };
        }

        private StepResult withSocket(String name, Function<SimSocket, StepResult> call) {
            return ns.sockets.find(name).map(call).orElseGet(() -> StepResult.fail(Errno.EBADF, Rule.UNKNOWN_SOCKET));
        }

        private StepResult bind(SimSocket sock, Step.Bind b) {
            return bind.bind(sock, b.addr().ip(), b.addr().scope(), resolvePort(b.addr(), b),
                    b.raw().orElse(BindCall.defaultSockaddr(b.addr().ip())));
        }

        /** connect: one socket (reused if open), or {@code count} new ones connected in turn. */
        private StepResult connect(Step.Connect c) {
            Endpoint to = endpoint(c.to(), c);
            if (c.count().isEmpty()) {
                SimSocket s = ns.sockets.find(c.sock()).orElseGet(() -> ns.sockets.create(c.sock(), familyOf(to), 0));
                return clients.connect(s, to, c.timeoutMs());
            }
            List<Outcome.Conn> conns = new ArrayList<>();
            for (int i = 1; i <= c.count().getAsInt(); i++) {
                SimSocket s = ns.sockets.create(c.sock() + i, familyOf(to), 0);
                StepResult r = clients.connect(s, to, c.timeoutMs());
                conns.add(connResult(s, r));
            }
            return new StepResult(new Outcome.Connections(conns), Optional.of(Why.of(Rule.CONNECTED)));
        }

        private Outcome.Conn connResult(SimSocket s, StepResult r) {
            if (r.outcome() instanceof Outcome.Failed f) {
                return new Outcome.Conn(s.name(), f.errno().name(), Optional.empty(), Optional.empty());
            }
            return new Outcome.Conn(s.name(), Outcome.Conn.ESTABLISHED, Optional.of(s.local()), s.queuedBy());
        }

        private static Family familyOf(Endpoint to) {
            return to.addr().isV4() ? Family.IPV4 : Family.IPV6;
        }

        private StepResult handshake(Step.Handshake h) {
            Endpoint from = endpoint(h.from(), h);
            int last = h.from().port() instanceof PortSpec.Range r ? r.high() : from.port();
            Endpoint to = endpoint(h.to(), h);
            return h.count().isPresent() ? peers.handshakes(from, last, to, h.count().getAsInt())
                    : peers.handshake(from, last, to);
        }

        private Endpoint endpoint(AddrSpec a, Step step) {
            return new Endpoint(a.ip(), resolvePort(a, step), a.scope());
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

        /** getsockname() and getpeername(); the latter fails with ENOTCONN in CLOSE and SYN_SENT (inet_getname()). */
        private StepResult info(SimSocket s) {
            boolean peerless = s.state() == TcpState.CLOSE || s.state() == TcpState.SYN_SENT;
            return new StepResult(new Outcome.Info(s.state(), s.sockName(), peerless ? Optional.empty() : s.peerName()),
                    Optional.of(Why.of(Rule.INFO)));
        }

        private StepResult sysctl(SysctlSetting setting) {
            SysctlKey key = SysctlKey.byName(setting.name()).orElseThrow();
            Optional<Errno> err = ns.sysctls.set(key, setting.value());
            return err.map(e -> StepResult.fail(e, e == Errno.ENOENT ? Rule.SYSCTL_MISSING : Rule.EINVAL_SYSCTL))
                    .orElseGet(() -> StepResult.ok(Rule.SYSCTL_SET));
        }
    }

    /** What expectations may ask of the simulated host. */
    private record View(Netns ns) implements HostView {
        @Override
        public OptionalInt portOf(String socket) {
            return ns.sockets.portOf(socket);
        }

        @Override
        public List<String> groupOf(String listener) {
            return ns.sockets.find(listener)
                    .map(s -> s.reuseportGroup() instanceof ReuseportGroup g
                            ? g.socks().stream().map(SimSocket::name).toList() : List.of(s.name()))
                    .orElse(List.of(listener));
        }
    }
}
