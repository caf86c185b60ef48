package org.reuselab.core.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.reuselab.core.kernel.Feature;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.scenario.AddrSpec;
import org.reuselab.core.scenario.Expectation;
import org.reuselab.core.scenario.PortMatcher;
import org.reuselab.core.scenario.PortSpec;
import org.reuselab.core.trace.CheckResult;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.OutcomeText;

/** Checks a step's expectation against its outcome. The same code judges the simulator and a real kernel. */
public final class ExpectationChecker {

    private final KernelProfile kernel;
    private final HostView ports;

    /** {@code kernel}: the profile that describes the kernel judged (its version and features key expectations). */
    public ExpectationChecker(KernelProfile kernel, HostView host) {
        this.kernel = kernel;
        this.ports = host;
    }

    public List<CheckResult> check(Expectation expect, Outcome outcome) {
        return switch (expect) {
            case Expectation.Result r -> List.of(result(r, outcome));
            case Expectation.Checks c -> checks(c, outcome);
            case Expectation.ByKernel v -> v.cases().stream().filter(k -> admits(k.when())).findFirst()
                    .map(k -> check(k.expect(), outcome)).orElse(List.of());
        };
    }

    private boolean admits(Expectation.Condition when) {
        return switch (when) {
            case Expectation.VersionIs v -> v.range().admits(kernel.version());
            case Expectation.FeatureIs f -> kernel.valueText(Feature.byKey(f.feature()).orElseThrow()).equals(f.value());
        };
    }

    private static CheckResult result(Expectation.Result r, Outcome outcome) {
        String expected = r.toString();
        return new CheckResult(expected, expected.equals(OutcomeText.brief(outcome)), OutcomeText.brief(outcome));
    }

    private List<CheckResult> checks(Expectation.Checks c, Outcome outcome) {
        List<CheckResult> out = new ArrayList<>();
        for (Expectation.Check check : c.checks()) {
            out.add(one(check, outcome));
        }
        return out;
    }

    private CheckResult one(Expectation.Check check, Outcome outcome) {
        return switch (check) {
            case Expectation.PortCheck p -> port(p.matcher(), outcome);
            case Expectation.ValueCheck v -> value(v, outcome);
            case Expectation.StateCheck s -> infoField("state " + s.state(), outcome,
                    i -> i.state().name().equals(s.state().toUpperCase(Locale.ROOT).replace('-', '_')),
                    i -> i.state().name());
            case Expectation.LocalCheck l -> infoField("local " + l.local(), outcome,
                    i -> addrMatches(l.local(), i.local()), i -> i.local().toString());
            case Expectation.PeerCheck p -> peer(p, outcome);
            case Expectation.ReplyCheck r -> reply(r, outcome);
            case Expectation.EstablishedCheck e -> ConnectionChecks.count("established " + e.count(), e.count(),
                    outcome, ConnectionChecks::established);
            case Expectation.ResetCheck r -> ConnectionChecks.count("reset " + r.count(), r.count(), outcome,
                    ConnectionChecks::reset);
            case Expectation.ByCheck b -> ConnectionChecks.by(b, outcome);
            case Expectation.SpreadCheck s -> ConnectionChecks.spread(s, outcome, ports);
            case Expectation.CountCheck c -> count(c, outcome);
        };
    }

    private static CheckResult reply(Expectation.ReplyCheck r, Outcome outcome) {
        String expected = "reply " + r.flags();
        if (outcome instanceof Outcome.Replies got) {
            List<String> want = r.flags().stream().map(org.reuselab.core.model.conn.Segment::canonical).toList();
            return new CheckResult(expected, want.equals(got.flags()), "reply " + got.flags());
        }
        return new CheckResult(expected, false, OutcomeText.brief(outcome));
    }

    private static CheckResult count(Expectation.CountCheck c, Outcome outcome) {
        String expected = "count " + c.count();
        if (outcome instanceof Outcome.Accepted a) {
            return new CheckResult(expected, c.count().admits(a.children().size()), "count " + a.children().size());
        }
        return new CheckResult(expected, false, OutcomeText.brief(outcome));
    }

    private CheckResult peer(Expectation.PeerCheck p, Outcome outcome) {
        String expected = "peer " + p.peer();
        if (outcome instanceof Outcome.Accepted a && a.children().size() == 1) {
            Endpoint got = a.children().getFirst().peer();
            return new CheckResult(expected, addrMatches(p.peer(), got), "peer " + got);
        }
        return infoField(expected, outcome, i -> i.peer().map(e -> addrMatches(p.peer(), e)).orElse(false),
                i -> i.peer().map(Object::toString).orElse("no peer"));
    }

    private static CheckResult value(Expectation.ValueCheck v, Outcome outcome) {
        String expected = "value " + v.value();
        if (outcome instanceof Outcome.Value got) {
            return new CheckResult(expected, got.value() == v.value(), "value " + got.value());
        }
        return new CheckResult(expected, false, OutcomeText.brief(outcome));
    }

    private CheckResult infoField(String expected, Outcome outcome, java.util.function.Predicate<Outcome.Info> test,
            java.util.function.Function<Outcome.Info, String> actual) {
        if (outcome instanceof Outcome.Info info) {
            return new CheckResult(expected, test.test(info), actual.apply(info));
        }
        return new CheckResult(expected, false, OutcomeText.brief(outcome));
    }

    private boolean addrMatches(AddrSpec spec, Endpoint got) {
        if (!spec.ip().equals(got.addr())) {
            return false;
        }
        OptionalInt port = resolve(spec.port());
        return port.isPresent() && port.getAsInt() == got.port();
    }

    private CheckResult port(PortMatcher m, Outcome outcome) {
        String expected = "port " + m;
        Optional<Endpoint> local = outcome instanceof Outcome.Ok ok ? ok.local() : Optional.empty();
        if (local.isEmpty()) {
            return new CheckResult(expected, false, OutcomeText.brief(outcome));
        }
        int p = local.get().port();
        boolean pass = m.exactly().map(spec -> equalsSpec(spec, p)).orElse(true)
                && m.in().map(r -> p >= r.low() && p <= r.high()).orElse(true)
                && m.parity().map(par -> (p % 2 == 1) == (par == PortMatcher.Parity.ODD)).orElse(true)
                && m.not().map(spec -> !equalsSpec(spec, p)).orElse(true);
        return new CheckResult(expected, pass, "port " + p);
    }

    private boolean equalsSpec(PortSpec spec, int port) {
        OptionalInt want = resolve(spec);
        return want.isPresent() && want.getAsInt() == port;
    }

    private OptionalInt resolve(PortSpec spec) {
        return switch (spec) {
            case PortSpec.Literal l -> OptionalInt.of(l.port());
            case PortSpec.SocketPort s -> ports.portOf(s.socket());
            case PortSpec.Range r -> OptionalInt.empty();
        };
    }
}
