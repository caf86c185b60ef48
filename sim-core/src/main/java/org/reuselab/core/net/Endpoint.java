package org.reuselab.core.net;

/**
 * A local or remote TCP address and port, printed in kernel syntax: {@code 0.0.0.0:80},
 * {@code [::]:80}, {@code [fe80::1%eth0]:80}.
 */
public record Endpoint(IpAddr addr, int port, String scope) implements Comparable<Endpoint> {

    public Endpoint {
        if (addr == null) {
            throw new IllegalArgumentException("address is null");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0-65535: " + port);
        }
        scope = scope == null ? "" : scope;
    }

    public Endpoint(IpAddr addr, int port) {
        this(addr, port, "");
    }

    public Endpoint withPort(int newPort) {
        return new Endpoint(addr, newPort, scope);
    }

    @Override
    public int compareTo(Endpoint o) {
        int c = addr.compareTo(o.addr);
        return c != 0 ? c : Integer.compare(port, o.port);
    }

    @Override
    public String toString() {
        if (addr.isV4()) {
            return addr + ":" + port;
        }
        return "[" + addr + (scope.isEmpty() ? "" : "%" + scope) + "]:" + port;
    }
}
