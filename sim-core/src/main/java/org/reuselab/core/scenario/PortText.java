package org.reuselab.core.scenario;

import java.util.function.Function;
import java.util.regex.Pattern;

/** The port part of an address: a number 0-65535, {@code $name}, or (where allowed) {@code lo-hi}. */
final class PortText {

    /** A port, or what is wrong with it. */
    record Result(PortSpec port, String message, String hint) {
        AddrText.Parsed map(Function<PortSpec, AddrSpec> f) {
            return port == null ? AddrText.Parsed.bad(message, hint) : AddrText.Parsed.ok(f.apply(port));
        }
    }

    private static final Pattern RANGE = Pattern.compile("\\d+-\\d+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private PortText() {
    }

    static Result parse(String addr, String text, boolean rangeAllowed) {
        if (text.startsWith("$")) {
            return socketPort(addr, text.substring(1));
        }
        if (RANGE.matcher(text).matches()) {
            return rangeAllowed ? range(addr, text)
                    : bad("a port range (\"" + text + "\") is not allowed here, in \"" + addr + "\"",
                            "only the \"from\" of a handshake step takes a range of source ports; give one port");
        }
        if (NUMBER.matcher(text).matches()) {
            return literal(addr, text);
        }
        String forms = "a port is a number from 0 to 65535 or \"$socket\" (the port that socket has)"
                + (rangeAllowed ? " or a range lo-hi" : "");
        return bad(text.isEmpty() ? "address \"" + addr + "\" has no port after ':'"
                : "malformed port \"" + text + "\" in \"" + addr + "\"", forms);
    }

    private static Result socketPort(String addr, String name) {
        if (!Names.referable(name)) {
            return bad("\"$" + name + "\" in \"" + addr + "\" is not a socket name", Names.CHILD_SPELLING);
        }
        return new Result(new PortSpec.SocketPort(name), "", "");
    }

    private static Result literal(String addr, String text) {
        if (text.length() > 5 || Integer.parseInt(text) > 65535) {
            return bad("port " + text + " in \"" + addr + "\" is out of range",
                    "ports are 0 to 65535 (0 lets the kernel choose)");
        }
        return new Result(new PortSpec.Literal(Integer.parseInt(text)), "", "");
    }

    private static Result range(String addr, String text) {
        String[] parts = text.split("-");
        boolean inRange = parts[0].length() <= 5 && parts[1].length() <= 5;
        int low = inRange ? Integer.parseInt(parts[0]) : -1;
        int high = inRange ? Integer.parseInt(parts[1]) : -1;
        if (low < 1 || high > 65535 || low > high) {
            return bad("bad port range \"" + text + "\" in \"" + addr + "\"",
                    "a range lo-hi has 1 <= lo <= hi <= 65535, e.g. \"40000-40029\"");
        }
        return new Result(new PortSpec.Range(low, high), "", "");
    }

    private static Result bad(String message, String hint) {
        return new Result(null, message, hint);
    }
}
