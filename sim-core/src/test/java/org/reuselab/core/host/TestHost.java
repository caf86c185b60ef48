package org.reuselab.core.host;

import java.util.List;
import java.util.Optional;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.model.SeededChooser;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.model.sock.TimeWaitSock;
import org.reuselab.core.net.CbpfInsn;
import org.reuselab.core.net.CbpfProgram;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.scenario.InterfaceDef;
import org.reuselab.core.scenario.OptValue;
import org.reuselab.core.scenario.OptionSetting;
import org.reuselab.core.scenario.SockOpt;
import org.reuselab.core.scenario.json.SourcePos;
import org.reuselab.core.trace.OutcomeText;

/** A direct handle on the simulated host's calls for unit tests of single rules. */
final class TestHost {

    final Netns ns;
    final SocketCalls calls;
    final BindCall bind;
    final ListenCall listen;
    final CloseCall close;
    final ClientCalls clients;
    final PeerCalls peers;
    StepResult last;

    TestHost(String profile) {
        this(profile, 1);
    }

    TestHost(String profile, long seed) {
        InterfaceDef eth0 = new InterfaceDef("eth0", List.of(new InterfaceDef.Prefix(IpAddr.parse("10.0.0.1"), 24),
                new InterfaceDef.Prefix(IpAddr.parse("fd00::1"), 64)), SourcePos.NONE);
        InterfaceDef eth1 = new InterfaceDef("eth1", List.of(new InterfaceDef.Prefix(IpAddr.parse("10.0.1.1"), 24)),
                SourcePos.NONE);
        ns = new Netns(KernelProfiles.byName(profile).orElseThrow(), new HostAddresses(List.of(eth0, eth1)),
                new SeededChooser(seed));
        SimKernel k = new SimKernel(ns);
        calls = k.sockets;
        bind = k.bind;
        listen = k.listen;
        close = k.close;
        clients = k.clients;
        peers = k.peers;
    }

    /** Options by short names: RA, RP, V6ONLY, FREEBIND, NOPORT, REPAIR, dev=NAME. */
    SimSocket socket(String name, Family family, int uid, String... opts) {
        calls.socket(name, family, uid, List.of());
        SimSocket s = sock(name);
        for (String o : opts) {
            set(name, o, 1);
        }
        return s;
    }

    SimSocket socket(String name, String... opts) {
        return socket(name, Family.IPV4, 0, opts);
    }

    String set(String name, String opt, int value) {
        OptionSetting setting = switch (opt) {
            case "RA" -> flag(SockOpt.SO_REUSEADDR, value);
            case "RP" -> flag(SockOpt.SO_REUSEPORT, value);
            case "V6ONLY" -> flag(SockOpt.IPV6_V6ONLY, value);
            case "FREEBIND" -> flag(SockOpt.IP_FREEBIND, value);
            case "NOPORT" -> flag(SockOpt.IP_BIND_ADDRESS_NO_PORT, value);
            case "REPAIR" -> flag(SockOpt.TCP_REPAIR, value);
            case "CBPF" -> new OptionSetting(SockOpt.SO_ATTACH_REUSEPORT_CBPF,
                    new OptValue.Program(new CbpfProgram(List.of(new CbpfInsn(CbpfInsn.RET_K, 0, 0, value)))),
                    SourcePos.NONE);
            default -> opt.startsWith("dev=")
                    ? new OptionSetting(SockOpt.SO_BINDTODEVICE, new OptValue.Device(opt.substring(4)), SourcePos.NONE)
                    : fail(opt);
        };
        return text(calls.setsockopt(sock(name), setting));
    }

    private static OptionSetting fail(String opt) {
        throw new IllegalArgumentException("unknown test option " + opt);
    }

    private static OptionSetting flag(SockOpt opt, int value) {
        return new OptionSetting(opt, new OptValue.Flag(value), SourcePos.NONE);
    }

    SimSocket sock(String name) {
        return ns.sockets.find(name).orElseThrow();
    }

    String bind(String name, String endpoint) {
        Endpoint e = Endpoint.parse(endpoint);
        return text(bind.bind(sock(name), e.addr(), e.scope(), e.port(), BindCall.defaultSockaddr(e.addr())));
    }

    String listen(String name) {
        return text(listen.listen(sock(name), 128));
    }

    String close(String name) {
        return text(close.close(sock(name)));
    }

    String sysctl(SysctlKey key, String value) {
        return ns.sysctls.set(key, value).map(Enum::name).orElse("ok");
    }

    /** Turns a bound socket into a connected one (its port becomes a connection's). */
    void makeConnected(String name, String peer) {
        SimSocket s = sock(name);
        s.setState(TcpState.ESTABLISHED);
        s.setPeer(Endpoint.parse(peer));
    }

    /** Turns a connected socket into a TIME_WAIT record holding its port. */
    void makeTimeWait(String name) {
        SimSocket s = sock(name);
        TimeWaitSock tw = new TimeWaitSock(name, s.family(), s.rcvSaddr(), s.port(), s.peer().orElseThrow(),
                s.skReuse(), s.reusePort(), s.boundDevice(), s.ipv6only(), s.connectBind(), 60_000);
        ns.binds.replaceWithTimeWait(s, tw);
        ns.sockets.closed(s);
    }

    int port(String name) {
        return sock(name).port();
    }

    /** "ok", or the errno name. */
    private String text(StepResult r) {
        last = r;
        return OutcomeText.brief(r.outcome());
    }

    Optional<String> lastRule() {
        return last.why().map(w -> w.rule().name());
    }
}
