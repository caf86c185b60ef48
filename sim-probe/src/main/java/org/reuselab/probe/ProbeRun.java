package org.reuselab.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import org.reuselab.core.expect.ExpectationChecker;
import org.reuselab.core.expect.HostView;
import org.reuselab.core.host.CallText;
import org.reuselab.core.host.ScenarioRuntimeException;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Errno;
import org.reuselab.core.scenario.AddrSpec;
import org.reuselab.core.scenario.PortSpec;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.Step;
import org.reuselab.core.scenario.SysctlSetting;
import org.reuselab.core.trace.CheckResult;
import org.reuselab.core.trace.Event;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.TraceEntry;

/** One scenario on the real kernel; every method runs on the namespace thread. */
final class ProbeRun {

    /** How long the probe listens for segments the kernel sends after a step when peers are in play. */
    private static final int AFTER_STEP_MS = 2;

    private final Scenario scenario;
    private final long seed;
    private final KernelProfile profile;
    private final List<Event> log = new ArrayList<>();
    private final SocketTable table = new SocketTable();
    private final Listeners listeners = new Listeners(table, log);
    private final LocalCalls local = new LocalCalls(table);
    private final ClientCalls clients = new ClientCalls(table, listeners, local);

    ProbeRun(Scenario scenario, long seed, KernelProfile profile) {
        this.scenario = scenario;
        this.seed = seed;
        this.profile = profile;
    }

    List<TraceEntry> execute() {
        try (PeerWire wire = new PeerWire(NamespaceSetup.interfaces(scenario.interfaces()), scenario.interfaces(), seed,
                log)) {
            PeerCalls peers = new PeerCalls(wire, listeners);
            ExpectationChecker checker = new ExpectationChecker(profile, new View());
            List<TraceEntry> entries = new ArrayList<>();
            for (SysctlSetting s : scenario.sysctls()) {
                entries.add(new TraceEntry(0, "sysctl " + s, sysctl(s), java.util.Optional.empty(), drainLog(),
                        List.of()));
            }
            for (Step step : scenario.steps()) {
                Outcome outcome = dispatch(step, peers);
                listeners.serveAll();
                wire.collect(null, wire.used() ? AFTER_STEP_MS : 0, 0);
                List<CheckResult> checks = step.meta().expect().map(e -> checker.check(e, outcome)).orElse(List.of());
                entries.add(new TraceEntry(step.meta().number(), CallText.of(step), outcome, java.util.Optional.empty(),
                        drainLog(), checks));
            }
            return entries;
        } finally {
            table.closeAll();
        }
    }

    private List<Event> drainLog() {
        List<Event> out = List.copyOf(log);
        log.clear();
        return out;
    }

    private Outcome dispatch(Step step, PeerCalls peers) {
        return switch (step) {
            case Step.Socket s -> local.socket(s.sock(), s.family(), s.uid(), s.opts());
            case Step.Setsockopt s -> with(s.sock(), sock -> local.setsockopt(sock, s.setting()));
            case Step.Bind b -> with(b.sock(), sock -> local.bind(sock, endpoint(b.addr(), b),
                    b.raw().orElse(new Step.RawSockaddr(b.addr().ip().isV4() ? Step.SaFamily.INET : Step.SaFamily.INET6,
                            SockAddr.naturalLength(b.addr().ip())))));
            case Step.Listen l -> with(l.sock(), sock -> local.listen(sock, l.backlog()));
            case Step.Close c -> with(c.sock(), local::close);
            case Step.Shutdown s -> with(s.sock(), sock -> local.shutdown(sock, s.how()));
            case Step.Info i -> with(i.sock(), local::info);
            case Step.Fchown f -> with(f.sock(), sock -> local.fchown(sock, f.uid()));
            case Step.Getsockopt g -> with(g.sock(), sock -> local.getsockopt(sock, g.opt()));
            case Step.Sysctl s -> sysctl(s.setting());
            case Step.Dump d -> new Outcome.Dump(new Dumper(table).lines());
            case Step.Connect c -> c.count().isPresent()
                    ? clients.connectMany(c.sock(), endpoint(c.to(), c), c.count().getAsInt(), c.timeoutMs())
                    : clients.connect(c.sock(), endpoint(c.to(), c), c.timeoutMs());
            case Step.Accept a -> with(a.sock(), l -> clients.accept(l, a.as()));
            case Step.AcceptAll a -> with(a.sock(), clients::acceptAll);
            case Step.Write w -> with(w.sock(), s -> clients.write(s, w.bytes()));
            case Step.Serve s -> with(s.sock(), l -> clients.serve(l, s.serve(), s.close()));
            case Step.Send s -> peers.send(endpoint(s.from(), s), endpoint(s.to(), s), s.flags(), s.payload(), s.seq(),
                    s.ack());
            case Step.Handshake h -> {
                int last = h.from().port() instanceof PortSpec.Range r ? r.high() : endpoint(h.from(), h).port();
                yield h.count().isPresent()
                        ? peers.handshakes(endpoint(h.from(), h), last, endpoint(h.to(), h), h.count().getAsInt())
                        : peers.handshake(endpoint(h.from(), h), last, endpoint(h.to(), h));
            }
            case Step.Advance a -> peers.advance(a.ms());
        };
    }

    private Outcome with(String name, Function<ProbeSocket, Outcome> call) {
        return table.find(name).map(call).orElseGet(() -> new Outcome.Failed(Errno.EBADF));
    }

    private Outcome sysctl(SysctlSetting s) {
        int errno = NamespaceSetup.writeSysctl(s.name(), s.value());
        return errno == 0 ? Outcome.ok() : new Outcome.Failed(Errnos.of(errno));
    }

    private Endpoint endpoint(AddrSpec a, Step step) {
        return new Endpoint(a.ip(), port(a, step), a.scope());
    }

    private int port(AddrSpec addr, Step step) {
        return switch (addr.port()) {
            case PortSpec.Literal l -> l.port();
            case PortSpec.SocketPort s -> {
                OptionalInt p = table.portOf(s.socket());
                if (p.isEmpty()) {
                    throw new ScenarioRuntimeException(step.meta().pos(),
                            "$" + s.socket() + " has no port when step " + step.meta().number() + " runs");
                }
                yield p.getAsInt();
            }
            case PortSpec.Range r -> r.low();
        };
    }

    /** What expectations may ask of the real host. */
    private final class View implements HostView {
        @Override
        public OptionalInt portOf(String socket) {
            return table.portOf(socket);
        }

        @Override
        public List<String> groupOf(String listener) {
            return listeners.groupOf(listener);
        }
    }
}
