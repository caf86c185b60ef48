package org.reuselab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.scenario.AddrSpec;
import org.reuselab.core.scenario.InterfaceDef;
import org.reuselab.core.scenario.OptValue;
import org.reuselab.core.scenario.OptionSetting;
import org.reuselab.core.scenario.PortSpec;
import org.reuselab.core.scenario.Scenario;
import org.reuselab.core.scenario.SockOpt;
import org.reuselab.core.scenario.Step;
import org.reuselab.core.scenario.StepMeta;
import org.reuselab.core.scenario.SysctlSetting;
import org.reuselab.core.scenario.json.SourcePos;

/**
 * The benchmarks' scenarios, built in code (a million steps need no JSON): the same objects run on
 * the simulator and, through the probe, on a real kernel.
 */
public final class Workloads {

    /** The reuseport group of the handshake benchmark. */
    public static final int LISTENERS = 64;
    public static final int HANDSHAKE_PORT = 80;
    /** The FTP case's one address and port. */
    public static final int FTP_PORT = 2121;
    private static final IpAddr HOST = IpAddr.parse("10.0.0.1");
    private static final IpAddr FIRST_PEER = IpAddr.parse("10.0.0.2");

    private Workloads() {
    }

    /**
     * 64 SO_REUSEPORT listeners on 10.0.0.1:80 whose backlog (and somaxconn) hold every connection,
     * then one counted handshake step of {@code n} connections from peers in 10.0.0.0/8 (source
     * ports 1024-65535 of 10.0.0.2, then of 10.0.0.3, ...). The handshake is the last step.
     */
    public static Scenario handshakes(int n, String profile) {
        Steps s = new Steps();
        for (int i = 0; i < LISTENERS; i++) {
            String l = "l" + i;
            s.add(m -> new Step.Socket(m, l, Family.IPV4, 0, List.of(flag(SockOpt.SO_REUSEPORT))));
            s.add(m -> new Step.Bind(m, l, addr(HOST, new PortSpec.Literal(HANDSHAKE_PORT)), Optional.empty()));
            s.add(m -> new Step.Listen(m, l, Math.max(n, 128)));
        }
        s.add(m -> new Step.Handshake(m, addr(FIRST_PEER, new PortSpec.Range(1024, 65535)),
                addr(HOST, new PortSpec.Literal(HANDSHAKE_PORT)), OptionalInt.of(n)));
        String somaxconn = Integer.toString(Math.max(n, 4096));
        return scenario("handshakes-" + n, profile, List.of(new SysctlSetting("net.core.somaxconn", somaxconn,
                SourcePos.NONE)), s.steps);
    }

    /**
     * The FTP case of the bind fast path: {@code n} sockets with SO_REUSEADDR created first (steps
     * 1..n), then bound to 0.0.0.0:2121 one after another (steps n+1..2n).
     */
    public static Scenario ftp(int n, String profile) {
        Steps s = new Steps();
        for (int i = 0; i < n; i++) {
            String name = "s" + i;
            s.add(m -> new Step.Socket(m, name, Family.IPV4, 0, List.of(flag(SockOpt.SO_REUSEADDR))));
        }
        for (int i = 0; i < n; i++) {
            String name = "s" + i;
            s.add(m -> new Step.Bind(m, name, addr(IpAddr.V4_ANY, new PortSpec.Literal(FTP_PORT)), Optional.empty()));
        }
        return scenario("ftp-" + n, profile, List.of(), s.steps);
    }

    private static Scenario scenario(String name, String profile, List<SysctlSetting> sysctls, List<Step> steps) {
        InterfaceDef eth0 = new InterfaceDef("eth0", List.of(new InterfaceDef.Prefix(HOST, 8)), SourcePos.NONE);
        return new Scenario("<bench " + name + ">", name, Optional.of("reuselab bench workload"), Optional.of(profile),
                List.of(), 1, sysctls, List.of(eth0), steps);
    }

    private static OptionSetting flag(SockOpt opt) {
        return new OptionSetting(opt, new OptValue.Flag(1), SourcePos.NONE);
    }

    private static AddrSpec addr(IpAddr ip, PortSpec port) {
        return new AddrSpec(ip, "", port);
    }

    /** Steps numbered from 1 as they are added. */
    private static final class Steps {
        final List<Step> steps = new ArrayList<>();

        void add(java.util.function.Function<StepMeta, Step> make) {
            steps.add(make.apply(new StepMeta(steps.size() + 1, SourcePos.NONE, Optional.empty(), Optional.empty())));
        }
    }
}
