package org.reuselab.core.scenario;

import java.util.Optional;
import org.reuselab.core.net.IpAddr;

/** Parses {@code "ip:port"} and {@code "[ipv6%scope]:port"}; the port may be a number, $name or lo-hi. */
final class AddrText {

    /** The outcome: an address, or what is wrong with the text and how to write it. */
    record Parsed(Optional<AddrSpec> addr, String message, String hint) {
        static Parsed ok(AddrSpec a) {
            return new Parsed(Optional.of(a), "", "");
        }

        static Parsed bad(String message, String hint) {
            return new Parsed(Optional.empty(), message, hint);
        }
    }

    static final String FORMS =
            "an address is \"ip:port\", e.g. \"10.0.0.1:80\", or \"[ipv6]:port\", e.g. \"[fd00::1]:80\"";

    private AddrText() {
    }

    static Parsed parse(String text, boolean rangeAllowed) {
        if (text.startsWith("[")) {
            return bracketed(text, rangeAllowed);
        }
        int colon = text.lastIndexOf(':');
        if (colon != text.indexOf(':')) {
            return Parsed.bad("IPv6 address \"" + text + "\" must be written in brackets",
                    "write the IPv6 address in brackets and the port after them, as in \"[::1]:80\"");
        }
        if (colon < 0) {
            return Parsed.bad("address \"" + text + "\" has no port",
                    "write \"" + text + ":80\" (port 0 lets the kernel choose)");
        }
        return withPort(text, text.substring(0, colon), "", text.substring(colon + 1), rangeAllowed);
    }

    private static Parsed bracketed(String text, boolean rangeAllowed) {
        int close = text.indexOf(']');
        if (close < 0) {
            return Parsed.bad("address \"" + text + "\" has '[' but no ']'", FORMS);
        }
        String rest = text.substring(close + 1);
        if (!rest.startsWith(":")) {
            return Parsed.bad("address \"" + text + "\" has no port after ']'",
                    "write \"" + text.substring(0, close + 1) + ":80\" (port 0 lets the kernel choose)");
        }
        String host = text.substring(1, close);
        int pct = host.indexOf('%');
        String scope = pct < 0 ? "" : host.substring(pct + 1);
        if (pct >= 0 && scope.isEmpty()) {
            return Parsed.bad("address \"" + text + "\" has '%' but no scope after it",
                    "write e.g. \"[fe80::1%eth0]:80\"");
        }
        String ip = pct < 0 ? host : host.substring(0, pct);
        if (ip.indexOf(':') < 0) {
            return Parsed.bad("brackets are for IPv6 addresses only, got \"" + text + "\"",
                    "write an IPv4 address without brackets: \"" + ip + rest + "\"");
        }
        return withPort(text, ip, scope, rest.substring(1), rangeAllowed);
    }

    private static Parsed withPort(String text, String ipText, String scope, String portText, boolean rangeAllowed) {
        IpAddr ip;
        try {
            ip = IpAddr.parse(ipText);
        } catch (IllegalArgumentException e) {
            return Parsed.bad(e.getMessage(), FORMS);
        }
        return PortText.parse(text, portText, rangeAllowed).map(port -> new AddrSpec(ip, scope, port));
    }
}
