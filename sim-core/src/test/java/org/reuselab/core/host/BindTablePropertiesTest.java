package org.reuselab.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.kernel.KernelVersion;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.bind.OwnerWalk;
import org.reuselab.core.model.bind.PortBucket;
import org.reuselab.core.model.sock.BindOwner;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.scenario.Step;
import org.reuselab.core.trace.Outcome;

/**
 * Properties of the bind table over random scenarios of {@link GenScenarios}, checked on the
 * namespace between steps through {@link Replay}: the fast path agrees with a full owner walk
 * (but for the admissions the kernel grants on its SO_REUSEPORT cache's word, see WalkOracle),
 * bind(0) picks no port an overlapping owner holds, and the tables' invariants hold.
 */
class BindTablePropertiesTest {

    /** 4.14 brought the fast-path update after every success; before it stale flags are expected. */
    @Provide
    Arbitrary<GenScenarios.Generated> noOptionAfterBind() {
        List<String> from414 = KernelProfiles.all().stream()
                .filter(p -> p.version().compareTo(KernelVersion.parse("4.14")) >= 0).map(KernelProfile::name).toList();
        return GenScenarios.scenarios(GenScenarios.Mode.NO_OPTION_AFTER_BIND, Arbitraries.of(from414));
    }

    @Provide
    Arbitrary<GenScenarios.Generated> withClients() {
        return GenScenarios.scenarios(GenScenarios.Mode.CLIENTS);
    }

    @Provide
    Arbitrary<GenScenarios.Generated> bindOnly() {
        return GenScenarios.scenarios(GenScenarios.Mode.BIND);
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void explicitBind_agreesWithFullOwnerWalkUnlessAdmittedAsTheCacheOwner(
            @ForAll("noOptionAfterBind") GenScenarios.Generated g) {
        List<String> mismatches = new ArrayList<>();
        new Replay(g.scenario()).run(g.scenario(), new WalkOracle(mismatches, false));
        assertEquals(List.of(), mismatches, "steps where the outcome differs from the full walk");
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void listenRecheck_agreesWithFullOwnerWalkUnlessAdmittedAsTheCacheOwner(
            @ForAll("noOptionAfterBind") GenScenarios.Generated g) {
        List<String> mismatches = new ArrayList<>();
        new Replay(g.scenario()).run(g.scenario(), new WalkOracle(mismatches, true));
        assertEquals(List.of(), mismatches, "steps where the outcome differs from the full walk");
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void bindZero_neverReturnsPortOfOverlappingOwner(@ForAll("withClients") GenScenarios.Generated g) {
        List<String> bad = new ArrayList<>();
        new Replay(g.scenario()).run(g.scenario(), new Replay.Hook() {
            @Override
            public void after(Netns ns, Step step, StepResult r) {
                if (step instanceof Step.Bind b && Replay.literal(b) == 0 && r.outcome() instanceof Outcome.Ok) {
                    Statistics.collect("bind(0) ok");
                    bad.addAll(overlappingOwners(ns, ns.sockets.find(b.sock()).orElseThrow(), step));
                }
            }
        });
        assertEquals(List.of(), bad);
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void tables_keepInvariantsAfterEveryStep(@ForAll("withClients") GenScenarios.Generated g) {
        new Replay(g.scenario()).run(g.scenario(), new Replay.Hook() {
            @Override
            public void after(Netns ns, Step step, StepResult r) {
                assertEquals(List.of(), HostInvariants.check(ns), "after step " + step.meta().number() + " (" + step.op() + ")");
            }
        });
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void tables_keepInvariantsWithoutClients(@ForAll("bindOnly") GenScenarios.Generated g) {
        new Replay(g.scenario()).run(g.scenario(), new Replay.Hook() {
            @Override
            public void after(Netns ns, Step step, StepResult r) {
                assertEquals(List.of(), HostInvariants.check(ns), "after step " + step.meta().number() + " (" + step.op() + ")");
            }
        });
    }

    /**
     * For bind (or listen) with an explicit port: ok exactly when the walk over every owner finds
     * no conflict, with one exception the kernel really has (scenarios/bind/43). Since 4.14 a
     * success resets the bucket's SO_REUSEPORT cache to STRICT with the new owner's uid and
     * address, and sk_reuseport_match() then admits any same-uid RP socket whose address that
     * cache covers, as if it were that owner: what the cache does not record (SO_REUSEADDR, the
     * device, the exact address under a cached wildcard, the state) is never compared with the
     * earlier owners, and a cached IPv4 wildcard even admits a dual-stack [::]. So a fast-path
     * admission the walk refuses is accepted only when the socket has the cached uid and
     * SO_REUSEPORT and the owner that set the cache, as it was then, would pass the walk now.
     */
    private static final class WalkOracle implements Replay.Hook {
        private final List<String> mismatches;
        private final boolean listen;
        private final CacheSetters setters = new CacheSetters();
        private Optional<Boolean> walkConflict = Optional.empty();
        private boolean passesAsCacheSetter;

        WalkOracle(List<String> mismatches, boolean listen) {
            this.mismatches = mismatches;
            this.listen = listen;
        }

        @Override
        public void before(Netns ns, Step step) {
            setters.before(ns);
            walkConflict = Optional.empty();
            passesAsCacheSetter = false;
            if (!listen && step instanceof Step.Bind b && Replay.literal(b) != 0) {
                SimSocket s = ns.sockets.find(b.sock()).orElseThrow();
                if (s.state() == TcpState.CLOSE && s.port() == 0 && !s.hashedInBindTable()) {
                    walkConflict = Optional.of(walkAsIfBoundTo(ns, s, b.addr().ip(), Replay.literal(b)));
                    passesAsCacheSetter = walkConflict.get() && passesAsCacheSetter(ns, s, Replay.literal(b));
                }
            } else if (listen && step instanceof Step.Listen l) {
                SimSocket s = ns.sockets.find(l.sock()).orElseThrow();
                if (s.state() == TcpState.CLOSE && s.port() != 0 && s.peer().isEmpty()) {
                    s.setState(TcpState.LISTEN);
                    walkConflict = Optional.of(walk(ns, s, s.port()));
                    s.setState(TcpState.CLOSE);
                    passesAsCacheSetter = walkConflict.get() && passesAsCacheSetter(ns, s, s.port());
                }
            }
        }

        @Override
        public void after(Netns ns, Step step, StepResult r) {
            setters.after(ns, step, r);
            if (walkConflict.isEmpty()) {
                return;
            }
            boolean ok = r.outcome() instanceof Outcome.Ok;
            boolean inUse = r.outcome() instanceof Outcome.Failed f && f.errno() == Errno.EADDRINUSE;
            if (!ok && !inUse) {
                return;
            }
            Statistics.collect(walkConflict.get() ? "walk: conflict" : "walk: no conflict");
            boolean byReuseportCache = r.why().map(w -> w.rule() == Rule.FAST_PATH_REUSEPORT).orElse(false);
            if (ok && walkConflict.get() && byReuseportCache && passesAsCacheSetter) {
                Statistics.label("explained").collect("admitted as the cache's owner");
                return;
            }
            if (ok == walkConflict.get()) {
                mismatches.add("step " + step.meta().number() + " " + step.op() + " " + (ok ? "ok" : "EADDRINUSE")
                        + " by " + r.why().map(w -> w.rule().name()).orElse("-") + ", full walk says "
                        + (walkConflict.get() ? "conflict" : "no conflict")
                        + (ok && byReuseportCache ? "; " + setters.describe(ns, port(ns, step)) : ""));
            }
        }

        private static int port(Netns ns, Step step) {
            return switch (step) {
                case Step.Bind b -> Replay.literal(b);
                case Step.Listen l -> ns.sockets.find(l.sock()).map(SimSocket::port).orElse(0);
                default -> 0;
            };
        }

        /** Whether the owner that set the bucket's cache, as it was then, would pass the walk now. */
        private boolean passesAsCacheSetter(Netns ns, SimSocket s, int port) {
            return setters.of(ns, port).filter(c -> c.copy().uid() == s.uid() && s.reusePort())
                    .map(c -> !walk(ns, c.copy(), port)).orElse(false);
        }
    }

    /**
     * The owner whose successful bind or listen set a bucket's SO_REUSEPORT cache: a detached
     * copy of its family, uid, flags, device, address and state at that moment.
     */
    private record CacheSetter(PortBucket bucket, String name, SimSocket copy) {
        static CacheSetter of(PortBucket tb, SimSocket s) {
            SimSocket c = new SimSocket(-1, s.name() + "@cache", s.family(), s.uid());
            c.setSkReuse(s.skReuse());
            c.setReusePort(s.reusePort());
            c.setBoundDevice(s.boundDevice());
            c.setRcvSaddr(s.rcvSaddr());
            c.setIpv6only(s.ipv6only());
            c.setState(s.state());
            return new CacheSetter(tb, s.describe(), c);
        }
    }

    /**
     * Finds, for every bucket, the socket whose step left the cache (fastreuseport > 0) as it is:
     * the flags are compared before and after each step, and a change made by anything but a
     * successful bind or listen of a socket with the cached uid leaves the owner unknown.
     */
    private static final class CacheSetters {
        private final Map<PortBucket, String> flagsBefore = new IdentityHashMap<>();
        private final Map<Integer, Optional<CacheSetter>> byPort = new HashMap<>();

        void before(Netns ns) {
            flagsBefore.clear();
            for (PortBucket tb : ns.binds.buckets()) {
                flagsBefore.put(tb, tb.flags().toString());
            }
        }

        void after(Netns ns, Step step, StepResult r) {
            for (PortBucket tb : ns.binds.buckets()) {
                if (tb.flags().toString().equals(flagsBefore.get(tb))) {
                    continue;
                }
                if (tb.flags().fastreuseport() <= 0) {
                    byPort.remove(tb.port());
                    continue;
                }
                Optional<SimSocket> s = switch (step) {
                    case Step.Bind b -> ns.sockets.find(b.sock());
                    case Step.Listen l -> ns.sockets.find(l.sock());
                    default -> Optional.empty();
                };
                byPort.put(tb.port(), s.filter(x -> r.outcome() instanceof Outcome.Ok && x.port() == tb.port()
                        && x.uid() == tb.flags().fastUid()).map(x -> CacheSetter.of(tb, x)));
            }
        }

        Optional<CacheSetter> of(Netns ns, int port) {
            return byPort.getOrDefault(port, Optional.empty())
                    .filter(c -> ns.binds.bucket(port).map(tb -> tb == c.bucket()).orElse(false));
        }

        String describe(Netns ns, int port) {
            return of(ns, port).map(c -> "cache set by " + c.name()).orElse("cache owner unknown");
        }
    }

    /** The walk for a bind, with the socket's address set as __inet_bind()/__inet6_bind() set it first. */
    private static boolean walkAsIfBoundTo(Netns ns, SimSocket s, IpAddr ip, int port) {
        IpAddr savedAddr = s.rcvSaddr();
        boolean savedV6only = s.ipv6only();
        s.setRcvSaddr(s.family() == Family.IPV4 ? (ip.isV4() ? ip : IpAddr.V4_ANY) : ip);
        if (s.family() == Family.IPV6 && !ip.isV4() && !ip.isAny() && !ip.isV4Mapped()) {
            s.setIpv6only(true);
        }
        try {
            return walk(ns, s, port);
        } finally {
            s.setRcvSaddr(savedAddr);
            s.setIpv6only(savedV6only);
        }
    }

    private static boolean walk(Netns ns, SimSocket s, int port) {
        return ns.binds.bucket(port).map(tb -> OwnerWalk.check(s, tb, true, true, ns.profile).conflict())
                .orElse(false);
    }

    /**
     * Owners of the chosen port that overlap the socket, by an overlap test written here from
     * kernel-bind.md §2.3 (not the model's): before 4.10 auto-selection may still share through
     * SO_REUSEPORT between sockets of one uid.
     */
    private static List<String> overlappingOwners(Netns ns, SimSocket s, Step step) {
        List<String> out = new ArrayList<>();
        PortBucket tb = ns.binds.bucket(s.port()).orElseThrow();
        tb.owners().filter(e -> e != s && Overlap.of(s, e)).forEach(e -> {
            boolean rpShare = !ns.profile.autobindIgnoresReuseport() && s.reusePort() && e.reusePort()
                    && e.bindCheckUid(ns.profile.orphanUidIsRoot()).orElse(s.uid()) == s.uid();
            if (!rpShare) {
                out.add("step " + step.meta().number() + ": bind(0) of " + s.describe() + " chose port " + s.port()
                        + " held by " + e.describe());
            }
        });
        return out;
    }

    /** The addresses a bound owner receives on: the IPv4 and the non-mapped IPv6 space, each none, all or one. */
    static final class Overlap {
        private Overlap() {
        }

        static boolean of(BindOwner a, BindOwner b) {
            return meet(v4(a), v4(b)) || meet(v6(a), v6(b));
        }

        /** null: nothing; IpAddr ANY: everything; else the one address. */
        private static boolean meet(Optional<IpAddr> x, Optional<IpAddr> y) {
            if (x.isEmpty() || y.isEmpty()) {
                return false;
            }
            return x.get().isAny() || y.get().isAny() || x.get().equals(y.get());
        }

        private static Optional<IpAddr> v4(BindOwner o) {
            IpAddr a = o.rcvSaddr();
            if (o.family() == Family.IPV4) {
                return Optional.of(a);
            }
            if (a.isV4Mapped()) {
                return Optional.of(a.toV4());
            }
            return a.isAny() && !o.ipv6only() ? Optional.of(IpAddr.V4_ANY) : Optional.empty();
        }

        private static Optional<IpAddr> v6(BindOwner o) {
            IpAddr a = o.rcvSaddr();
            if (o.family() == Family.IPV4 || a.isV4Mapped()) {
                return Optional.empty();
            }
            return Optional.of(a);
        }
    }
}
