package org.reuselab.core.scenario;

import java.util.Optional;

/** TCP flag strings as a remote peer sends them or the host replies: letters from S A R F P. */
final class Flags {

    static final String HINT = "flags are letters from S (SYN), A (ACK), R (RST), F (FIN), P (PSH), each at most once,"
            + " e.g. \"S\", \"PA\", \"R\"";

    private Flags() {
    }

    /** What is wrong with {@code text}, or empty when it is a valid flag string. */
    static Optional<String> problem(String text) {
        if (text.isEmpty()) {
            return Optional.of("empty flags \"\"");
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ("SARFP".indexOf(ch) < 0) {
                return Optional.of("bad flag '" + ch + "' in \"" + text + "\"");
            }
            if (text.indexOf(ch) != i) {
                return Optional.of("flag '" + ch + "' repeated in \"" + text + "\"");
            }
        }
        return Optional.empty();
    }
}
