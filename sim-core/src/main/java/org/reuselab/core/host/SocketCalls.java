package org.reuselab.core.host;

import java.util.Optional;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.hash.CbpfInterpreter;
import org.reuselab.core.model.listen.ReuseportGroup;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.scenario.OptValue;
import org.reuselab.core.scenario.OptionSetting;
import org.reuselab.core.scenario.SockOpt;
import org.reuselab.core.trace.Outcome;
import org.reuselab.core.trace.Why;

/** socket(), setsockopt(), getsockopt() and fchown() on the simulated host. */
final class SocketCalls {

    private final Netns ns;

    SocketCalls(Netns ns) {
        this.ns = ns;
    }

    StepResult socket(String name, Family family, int uid, Iterable<OptionSetting> opts) {
        SimSocket s = ns.sockets.create(name, family, uid);
        for (OptionSetting o : opts) {
            StepResult r = setsockopt(s, o);
            if (r.outcome() instanceof Outcome.Failed) {
                return new StepResult(r.outcome(), Optional.of(Why.against(r.why().orElseThrow().rule(),
                        o.opt().name())));
            }
        }
        return StepResult.ok(Rule.SOCKET_CREATED);
    }

    StepResult setsockopt(SimSocket s, OptionSetting setting) {
        return switch (setting.opt()) {
            case SO_REUSEADDR -> flag(setting, on -> s.setSkReuse(on ? 1 : 0));
            case SO_REUSEPORT -> flag(setting, s::setReusePort);
            case IPV6_V6ONLY -> v6only(s, setting);
            case IP_FREEBIND -> flag(setting, s::setFreebind);
            case IPV6_FREEBIND -> s.family() == Family.IPV6 ? flag(setting, s::setFreebind)
                    : StepResult.fail(Errno.ENOPROTOOPT, Rule.ENOPROTOOPT_OPTION);
            case IP_TRANSPARENT -> privileged(s, () -> flag(setting, s::setTransparent));
            case IP_BIND_ADDRESS_NO_PORT -> ns.profile.bindAddressNoPortOption()
                    ? flag(setting, s::setBindAddressNoPort) : StepResult.fail(Errno.ENOPROTOOPT, Rule.ENOPROTOOPT_OPTION);
            case SO_BINDTODEVICE -> bindToDevice(s, (OptValue.Device) setting.value());
            case IP_LOCAL_PORT_RANGE -> portRange(s, (OptValue.PortRange) setting.value());
            case SO_ATTACH_REUSEPORT_CBPF -> attachProgram(s, (OptValue.Program) setting.value());
            case SO_DETACH_REUSEPORT_BPF -> detachProgram(s);
            case TCP_REPAIR -> privileged(s, () -> repair(s, setting));
        };
    }

    private static StepResult flag(OptionSetting setting, java.util.function.Consumer<Boolean> apply) {
        apply.accept(((OptValue.Flag) setting.value()).on());
        return StepResult.ok(Rule.OPTION_SET);
    }

    /** Options that need CAP_NET_ADMIN or CAP_NET_RAW: uid 0 has them, other uids get EPERM. */
    private static StepResult privileged(SimSocket s, java.util.function.Supplier<StepResult> then) {
        return s.uid() == 0 ? then.get() : StepResult.fail(Errno.EPERM, Rule.EINVAL_OPTION_VALUE);
    }

    /** do_ipv6_setsockopt(IPV6_V6ONLY): only on AF_INET6, and only while the socket has no port. */
    private static StepResult v6only(SimSocket s, OptionSetting setting) {
        if (s.family() != Family.IPV6) {
            return StepResult.fail(Errno.ENOPROTOOPT, Rule.ENOPROTOOPT_OPTION);
        }
        if (s.port() != 0) {
            return StepResult.fail(Errno.EINVAL, Rule.EINVAL_V6ONLY_BOUND);
        }
        return flag(setting, s::setIpv6only);
    }

    /** sock_bindtoindex(): the device must exist; changing an existing binding needs CAP_NET_RAW. */
    private StepResult bindToDevice(SimSocket s, OptValue.Device dev) {
        if (!dev.name().isEmpty() && !ns.addresses.deviceExists(dev.name())) {
            return StepResult.fail(Errno.ENODEV, Rule.ENODEV_DEVICE);
        }
        if (!s.boundDevice().isEmpty() && s.uid() != 0) {
            return StepResult.fail(Errno.EPERM, Rule.EINVAL_OPTION_VALUE);
        }
        s.setBoundDevice(dev.name());
        return StepResult.ok(Rule.OPTION_SET);
    }

    /** IP_LOCAL_PORT_RANGE (6.3, 6.1.32): both bounds set and low above high is EINVAL. */
    private StepResult portRange(SimSocket s, OptValue.PortRange range) {
        if (!ns.profile.localPortRangeOption()) {
            return StepResult.fail(Errno.ENOPROTOOPT, Rule.ENOPROTOOPT_OPTION);
        }
        if (range.low() != 0 && range.high() != 0 && range.low() > range.high()) {
            return StepResult.fail(Errno.EINVAL, Rule.EINVAL_OPTION_VALUE);
        }
        s.setPortRange(range.low(), range.high());
        return StepResult.ok(Rule.OPTION_SET);
    }

    /**
     * reuseport_attach_prog(): a socket not yet listening gets a reuseport group of its own
     * (which then stops it sharing the port through SO_REUSEPORT, 4.6+); a socket without
     * SO_REUSEPORT and without a group gets EINVAL.
     */
    private StepResult attachProgram(SimSocket s, OptValue.Program program) {
        if (!CbpfInterpreter.valid(program.insns())) {
            return StepResult.fail(Errno.EINVAL, Rule.EINVAL_OPTION_VALUE);
        }
        if (!(s.reuseportGroup() instanceof ReuseportGroup)) {
            if (!s.reusePort() || s.state() == TcpState.LISTEN) {
                return StepResult.fail(Errno.EINVAL, Rule.EINVAL_OPTION_VALUE);
            }
            ns.listening.newGroup(s);
        }
        ((ReuseportGroup) s.reuseportGroup()).setProgram(Optional.of(program.program()));
        return StepResult.ok(Rule.OPTION_SET);
    }

    /** reuseport_detach_prog(): ENOENT without a program (EINVAL without SO_REUSEPORT and group). */
    private StepResult detachProgram(SimSocket s) {
        if (!(s.reuseportGroup() instanceof ReuseportGroup g)) {
            return StepResult.fail(s.reusePort() ? Errno.ENOENT : Errno.EINVAL, Rule.EINVAL_OPTION_VALUE);
        }
        if (g.program().isEmpty()) {
            return StepResult.fail(Errno.ENOENT, Rule.EINVAL_OPTION_VALUE);
        }
        g.setProgram(Optional.empty());
        return StepResult.ok(Rule.OPTION_SET);
    }

    /** TCP_REPAIR on sets sk_reuse to SK_FORCE_REUSE (2); off sets it to SK_NO_REUSE (0). */
    private static StepResult repair(SimSocket s, OptionSetting setting) {
        s.setSkReuse(((OptValue.Flag) setting.value()).on() ? 2 : 0);
        return StepResult.ok(Rule.OPTION_SET);
    }

    /** getsockopt() of a flag option; IPV6_V6ONLY on an AF_INET socket is ENOPROTOOPT. */
    StepResult getsockopt(SimSocket s, SockOpt opt) {
        if (opt.kind() != SockOpt.Kind.FLAG) {
            return StepResult.notModelled("getsockopt " + opt);
        }
        if (opt == SockOpt.IPV6_V6ONLY && s.family() != Family.IPV6) {
            return StepResult.fail(Errno.ENOPROTOOPT, Rule.ENOPROTOOPT_OPTION);
        }
        long value = switch (opt) {
            case SO_REUSEADDR -> s.skReuse();
            case SO_REUSEPORT -> flag(s.reusePort());
            case IPV6_V6ONLY -> flag(s.ipv6only());
            case IP_FREEBIND, IPV6_FREEBIND -> flag(s.freebind());
            case IP_TRANSPARENT -> flag(s.transparent());
            case IP_BIND_ADDRESS_NO_PORT -> flag(s.bindAddressNoPort());
            case TCP_REPAIR -> flag(s.skReuse() == 2);
            case SO_BINDTODEVICE, IP_LOCAL_PORT_RANGE, SO_ATTACH_REUSEPORT_CBPF, SO_DETACH_REUSEPORT_BPF ->
                    throw new IllegalStateException("not a flag: " + opt);
        };
        return new StepResult(new Outcome.Value(value), Optional.of(Why.of(Rule.OPTION_READ)));
    }

    private static long flag(boolean on) {
        return on ? 1 : 0;
    }

    StepResult fchown(SimSocket s, int uid) {
        s.setUid(uid);
        return StepResult.ok(Rule.UID_CHANGED);
    }
}
