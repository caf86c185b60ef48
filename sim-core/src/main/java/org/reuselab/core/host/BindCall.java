package org.reuselab.core.host;

import java.util.Optional;
import org.reuselab.core.kernel.SysctlKey;
import org.reuselab.core.model.Rule;
import org.reuselab.core.model.bind.AutobindResult;
import org.reuselab.core.model.bind.EphemeralSearch;
import org.reuselab.core.model.bind.PortClaim;
import org.reuselab.core.model.bind.WalkResult;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Errno;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;
import org.reuselab.core.scenario.Step;
import org.reuselab.core.trace.Why;

/**
 * bind(): the checks of __inet_bind() (IPv4) and __inet6_bind() (IPv6) in the kernel's order,
 * then the port: an explicit one through {@link PortClaim}, port 0 through {@link EphemeralSearch}.
 */
final class BindCall {

    private final Netns ns;

    BindCall(Netns ns) {
        this.ns = ns;
    }

    /** The sockaddr a runner passes for an address literal: sockaddr_in or sockaddr_in6. */
    static Step.RawSockaddr defaultSockaddr(IpAddr ip) {
        return ip.isV4() ? new Step.RawSockaddr(Step.SaFamily.INET, 16) : new Step.RawSockaddr(Step.SaFamily.INET6, 28);
    }

    StepResult bind(SimSocket s, IpAddr ip, String scope, int port, Step.RawSockaddr raw) {
        Optional<StepResult> early = s.family() == Family.IPV4 ? checkV4(s, ip, port, raw) : checkV6(s, ip, scope, port, raw);
        if (early.isPresent()) {
            return early.get();
        }
        IpAddr local = s.family() == Family.IPV4 ? (ip.isV4() ? ip : IpAddr.V4_ANY) : ip;
        boolean savedV6only = s.ipv6only();
        s.setRcvSaddr(local);
        // __inet6_bind(): any address other than :: and v4-mapped makes the socket V6ONLY.
        if (s.family() == Family.IPV6 && !local.isAny() && !local.isV4Mapped()) {
            s.setIpv6only(true);
        }
        Why why;
        if (port == 0 && s.bindAddressNoPort()) {
            why = Why.of(Rule.ADDRESS_ONLY);
        } else {
            Claim claimed = claimPort(s, port);
            if (!claimed.ok()) {
                // __inet_bind() / __inet6_bind(): a refused port leaves the socket with no address
                // at all (also one it kept from an earlier bind), and its old V6ONLY.
                s.setRcvSaddr(s.family() == Family.IPV4 ? IpAddr.V4_ANY : IpAddr.V6_ANY);
                s.setIpv6only(savedV6only);
                return StepResult.fail(Errno.EADDRINUSE, claimed.why());
            }
            why = claimed.why();
        }
        // sk_userlocks only ever gain bits: a later bind to a wildcard or port 0 keeps earlier locks.
        if (!local.isAny()) {
            s.setBindAddrLock(true);
        }
        if (port != 0) {
            s.setBindPortLock(true);
        }
        ns.sockets.notePort(s);
        return StepResult.ok(new Endpoint(s.rcvSaddr(), s.port(), scope), why);
    }

    /** get_port()'s answer: the port is the socket's ({@code ok}) or not, and the rule that decided. */
    record Claim(boolean ok, Why why) {
    }

    /** get_port(): an explicit port is claimed; port 0 is searched for. */
    Claim claimPort(SimSocket s, int port) {
        if (port != 0) {
            WalkResult r = PortClaim.claim(ns.binds, s, port, ns.profile);
            ns.cost.portCheck(r.ownersWalked());
            return new Claim(!r.conflict(), toWhy(r));
        }
        AutobindResult found = EphemeralSearch.find(ns.binds, s, ns.sysctls, ns.profile, ns.chooser);
        ns.cost.portCheck(found.decided().ownersWalked());
        if (found.port().isEmpty()) {
            return new Claim(false, toWhy(found.decided()));
        }
        PortClaim.claimFound(ns.binds, s, found.port().getAsInt(), ns.profile);
        return new Claim(true, toWhy(found.decided()));
    }

    private static Why toWhy(WalkResult r) {
        return new Why(r.rule(), r.against().map(o -> o.describe()));
    }

    /** __inet_bind() before the port: length, family, address, privileged port, state. */
    private Optional<StepResult> checkV4(SimSocket s, IpAddr ip, int port, Step.RawSockaddr raw) {
        if (raw.length() < 16) {
            return fail(Errno.EINVAL, Rule.EINVAL_SHORT_SOCKADDR);
        }
        if (raw.family() != Step.SaFamily.INET) {
            // AF_UNSPEC is accepted for INADDR_ANY only (compatibility with old programs).
            boolean unspecAny = raw.family() == Step.SaFamily.UNSPEC && ip.isV4() && ip.isAny();
            if (!unspecAny) {
                return fail(Errno.EAFNOSUPPORT, Rule.EAFNOSUPPORT_FAMILY);
            }
        }
        if (!ip.isV4()) {
            return fail(Errno.EAFNOSUPPORT, Rule.EAFNOSUPPORT_FAMILY);
        }
        if (!v4Allowed(s, ip, SysctlKey.IP_NONLOCAL_BIND)) {
            return fail(Errno.EADDRNOTAVAIL, Rule.EADDRNOTAVAIL_NONLOCAL);
        }
        if (needsBindService(s, port)) {
            return fail(Errno.EACCES, Rule.EACCES_PRIVILEGED_PORT);
        }
        return stateCheck(s);
    }

    /** __inet6_bind() before the port: length, family, multicast, privileged port, state, address. */
    private Optional<StepResult> checkV6(SimSocket s, IpAddr ip, String scope, int port, Step.RawSockaddr raw) {
        if (raw.length() < 24) {
            return fail(Errno.EINVAL, Rule.EINVAL_SHORT_SOCKADDR);
        }
        if (raw.family() != Step.SaFamily.INET6 || ip.isV4()) {
            return fail(Errno.EAFNOSUPPORT, Rule.EAFNOSUPPORT_FAMILY);
        }
        if (ip.isMulticast()) {
            return fail(Errno.EINVAL, Rule.EINVAL_V6_MULTICAST);
        }
        if (needsBindService(s, port)) {
            return fail(Errno.EACCES, Rule.EACCES_PRIVILEGED_PORT);
        }
        Optional<StepResult> state = stateCheck(s);
        if (state.isPresent()) {
            return state;
        }
        if (ip.isV4Mapped()) {
            if (s.ipv6only()) {
                return fail(Errno.EINVAL, Rule.EINVAL_V6ONLY_MAPPED);
            }
            // A v4-mapped address follows the IPv4 rules, with the ipv4 nonlocal sysctl.
            return v4Allowed(s, ip.toV4(), SysctlKey.IP_NONLOCAL_BIND) ? Optional.empty()
                    : fail(Errno.EADDRNOTAVAIL, Rule.EADDRNOTAVAIL_NONLOCAL);
        }
        if (ip.isAny()) {
            return Optional.empty();
        }
        return checkV6Specific(s, ip, scope);
    }

    private Optional<StepResult> checkV6Specific(SimSocket s, IpAddr ip, String scope) {
        if (ip.isLinkLocal()) {
            if (!scope.isEmpty()) {
                if (!ns.addresses.deviceExists(scope)) {
                    return fail(Errno.ENODEV, Rule.ENODEV_NO_SUCH_DEVICE);
                }
                s.setBoundDevice(scope);
            }
            if (s.boundDevice().isEmpty()) {
                return fail(Errno.EINVAL, Rule.EINVAL_NEEDS_SCOPE);
            }
        }
        boolean nonlocalOk = s.freebind() || s.transparent() || ns.sysctls.getInt(SysctlKey.IP6_NONLOCAL_BIND) != 0;
        if (!nonlocalOk && !ns.addresses.v6IsLocal(ip, s.boundDevice())) {
            return fail(Errno.EADDRNOTAVAIL, Rule.EADDRNOTAVAIL_NONLOCAL);
        }
        return Optional.empty();
    }

    private boolean v4Allowed(SimSocket s, IpAddr v4, SysctlKey nonlocal) {
        return s.freebind() || s.transparent() || ns.sysctls.getInt(nonlocal) != 0
                || ns.addresses.v4BindableWithoutFreebind(v4);
    }

    /** inet_port_requires_bind_service(): uid 0 stands for CAP_NET_BIND_SERVICE. */
    private boolean needsBindService(SimSocket s, int port) {
        return port != 0 && port < ns.sysctls.unprivilegedPortStart() && s.uid() != 0;
    }

    private static Optional<StepResult> stateCheck(SimSocket s) {
        if (s.state() != TcpState.CLOSE || s.port() != 0 || s.hashedInBindTable()) {
            return fail(Errno.EINVAL, Rule.EINVAL_ALREADY_BOUND);
        }
        return Optional.empty();
    }

    private static Optional<StepResult> fail(Errno errno, Rule rule) {
        return Optional.of(StepResult.fail(errno, rule));
    }
}
