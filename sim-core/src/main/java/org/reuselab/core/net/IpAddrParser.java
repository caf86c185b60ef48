package org.reuselab.core.net;

/** Strict parser of literal IPv4 (dotted quad) and IPv6 (RFC 4291 text form) addresses. */
final class IpAddrParser {

    private IpAddrParser() {
    }

    static IpAddr parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        return IpAddr.v4(parseV4(text, text));
    }

    private static int parseV4(String part, String whole) {
        String[] octets = part.split("\\.", -1);
        if (octets.length != 4) {
            throw bad(whole, "an IPv4 address has four dot-separated numbers");
        }
        int bits = 0;
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
                    || (octet.length() > 1 && octet.charAt(0) == '0')) {
                throw bad(whole, "each IPv4 number is 0-255 without leading zeros");
            }
            int value = Integer.parseInt(octet);
            if (value > 255) {
                throw bad(whole, "each IPv4 number is 0-255");
            }
            bits = (bits << 8) | value;
        }
        return bits;
    }

    private static IpAddr parseV6(String text) {
        int[] groups = new int[8];
        String head = text;
        String tail = "";
        int dbl = text.indexOf("::");
        if (dbl >= 0) {
            if (text.indexOf("::", dbl + 1) >= 0) {
                throw bad(text, "'::' may appear only once");
            }
            head = text.substring(0, dbl);
            tail = text.substring(dbl + 2);
        }
        int[] headGroups = groups(head, text, false);
        int[] tailGroups = groups(tail, text, true);
        int total = headGroups.length + tailGroups.length;
        if (dbl < 0 && total != 8) {
            throw bad(text, "an IPv6 address has eight groups (or '::')");
        }
        if (dbl >= 0 && total > 7) {
            throw bad(text, "too many groups around '::'");
        }
        System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = (hi << 16) | groups[i];
            lo = (lo << 16) | groups[i + 4];
        }
        return new IpAddr(Family.IPV6, hi, lo);
    }

    /** Groups of one side of '::'; the last group of the tail side may be a dotted IPv4 address. */
    private static int[] groups(String part, String whole, boolean mayEndInV4) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] fields = part.split(":", -1);
        boolean endsInV4 = fields[fields.length - 1].contains(".");
        if (endsInV4 && !mayEndInV4 && whole.contains("::")) {
            throw bad(whole, "an embedded IPv4 address must come last");
        }
        int n = fields.length + (endsInV4 ? 1 : 0);
        int[] out = new int[n];
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            if (i == fields.length - 1 && endsInV4) {
                int v4 = parseV4(f, whole);
                out[i] = v4 >>> 16;
                out[i + 1] = v4 & 0xffff;
                continue;
            }
            if (f.isEmpty() || f.length() > 4 || !f.chars().allMatch(IpAddrParser::isHex)) {
                throw bad(whole, "each IPv6 group is 1-4 hex digits");
            }
            out[i] = Integer.parseInt(f, 16);
        }
        return out;
    }

    private static boolean isHex(int c) {
        return Character.digit(c, 16) >= 0;
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("malformed address '" + text + "': " + why);
    }
}
