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

    /** Parses the kernel syntax this class prints: {@code 10.0.0.1:80}, {@code [::1]:80}, {@code [fe80::1%eth0]:80}. */
    public static Endpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("endpoint '" + text + "' has no port");
        }
        String host = text.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("endpoint '" + text + "' has a bad port", e);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            String inner = host.substring(1, host.length() - 1);
            int pct = inner.indexOf('%');
            String scope = pct < 0 ? "" : inner.substring(pct + 1);
            IpAddr a = IpAddr.parse(pct < 0 ? inner : inner.substring(0, pct));
            if (a.isV4()) {
                throw new IllegalArgumentException("endpoint '" + text + "': brackets are for IPv6");
            }
            return new Endpoint(a, port, scope);
        }
        IpAddr a = IpAddr.parse(host);
        if (!a.isV4()) {
            throw new IllegalArgumentException("endpoint '" + text + "': IPv6 addresses need brackets");
        }
        return new Endpoint(a, port);
    }
}
