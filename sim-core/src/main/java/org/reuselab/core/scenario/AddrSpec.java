package org.reuselab.core.scenario;

import org.reuselab.core.net.IpAddr;

/** An address as written in a scenario: literal IP (with optional IPv6 scope) and a port spec. */
public record AddrSpec(IpAddr ip, String scope, PortSpec port) {

    public AddrSpec {
        scope = scope == null ? "" : scope;
    }

    @Override
    public String toString() {
        if (ip.isV4()) {
            return ip + ":" + port;
        }
        return "[" + ip + (scope.isEmpty() ? "" : "%" + scope) + "]:" + port;
    }
}
