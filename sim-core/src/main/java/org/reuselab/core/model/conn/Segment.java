package org.reuselab.core.model.conn;

import org.reuselab.core.net.Endpoint;

/** A TCP segment: its ends, its flags (letters from S A R F P), and its payload length. */
public record Segment(Endpoint from, Endpoint to, String flags, int payload) {

    public boolean syn() {
        return flags.indexOf('S') >= 0;
    }

    public boolean ack() {
        return flags.indexOf('A') >= 0;
    }

    public boolean rst() {
        return flags.indexOf('R') >= 0;
    }

    public boolean fin() {
        return flags.indexOf('F') >= 0;
    }

    /** Flags in the kernel's canonical order, as traces print them: {@code SA}, {@code R}, {@code FA}, {@code PA}. */
    public static String canonical(String flags) {
        switch (flags) {
            case "S", "SA", "A", "R", "RA", "FA", "PA" -> {
                return flags;
            }
            default -> { }
        }
        StringBuilder sb = new StringBuilder();
        for (char c : "SFRPA".toCharArray()) {
            if (flags.indexOf(c) >= 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return from + " > " + to + " [" + canonical(flags) + "]" + (payload > 0 ? " len " + payload : "");
    }
}
