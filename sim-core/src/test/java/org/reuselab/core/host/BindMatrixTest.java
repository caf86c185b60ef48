package org.reuselab.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reuselab.core.net.Family;

/**
 * The observed matrix of kernel-bind.md §2.4 (Linux 6.18.44, bind_experiments.py Part 1): E in
 * each state with each option set, S with each option set, same uid and E uid 0 / S uid 1000,
 * and the three address pairings that gave identical tables. Cell: S.bind / S.listen, plus
 * E.listen() afterwards when E was only bound.
 */
class BindMatrixTest {

    private static final String[] OPTS = {"-", "RA", "RP", "RA+RP"};

    // rows: E state/opts; columns: S opts (-, RA, RP, RA+RP)
    private static final String[][] SAME_UID = {
        {"bound", "-", "EADDRINUSE/-/OK", "EADDRINUSE/-/OK", "EADDRINUSE/-/OK", "EADDRINUSE/-/OK"},
        {"bound", "RA", "EADDRINUSE/-/OK", "OK/OK/EADDRINUSE", "EADDRINUSE/-/OK", "OK/OK/EADDRINUSE"},
        {"bound", "RP", "EADDRINUSE/-/OK", "EADDRINUSE/-/OK", "OK/OK/OK", "OK/OK/OK"},
        {"bound", "RA+RP", "EADDRINUSE/-/OK", "OK/OK/EADDRINUSE", "OK/OK/OK", "OK/OK/OK"},
        {"listen", "-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-"},
        {"listen", "RA", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-"},
        {"listen", "RP", "EADDRINUSE/-", "EADDRINUSE/-", "OK/OK", "OK/OK"},
        {"listen", "RA+RP", "EADDRINUSE/-", "EADDRINUSE/-", "OK/OK", "OK/OK"},
        {"connected", "-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-"},
        {"connected", "RA", "EADDRINUSE/-", "OK/OK", "EADDRINUSE/-", "OK/OK"},
        {"connected", "RP", "EADDRINUSE/-", "EADDRINUSE/-", "OK/OK", "OK/OK"},
        {"connected", "RA+RP", "EADDRINUSE/-", "OK/OK", "OK/OK", "OK/OK"},
        {"timewait", "-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-"},
        {"timewait", "RA", "EADDRINUSE/-", "OK/OK", "EADDRINUSE/-", "OK/OK"},
        {"timewait", "RP", "EADDRINUSE/-", "EADDRINUSE/-", "OK/OK", "OK/OK"},
        {"timewait", "RA+RP", "EADDRINUSE/-", "OK/OK", "OK/OK", "OK/OK"},
    };

    private static final String[][] CROSS_UID = {
        {"bound", "-", "EADDRINUSE/-/OK", "EADDRINUSE/-/OK", "EADDRINUSE/-/OK", "EADDRINUSE/-/OK"},
        {"bound", "RA", "EADDRINUSE/-/OK", "OK/OK/EADDRINUSE", "EADDRINUSE/-/OK", "OK/OK/EADDRINUSE"},
        {"bound", "RP", "EADDRINUSE/-/OK", "EADDRINUSE/-/OK", "EADDRINUSE/-/OK", "EADDRINUSE/-/OK"},
        {"bound", "RA+RP", "EADDRINUSE/-/OK", "OK/OK/EADDRINUSE", "EADDRINUSE/-/OK", "OK/OK/EADDRINUSE"},
        {"listen", "-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-"},
        {"listen", "RA", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-"},
        {"listen", "RP", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-"},
        {"listen", "RA+RP", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-"},
        {"connected", "-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-"},
        {"connected", "RA", "EADDRINUSE/-", "OK/OK", "EADDRINUSE/-", "OK/OK"},
        {"connected", "RP", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-"},
        {"connected", "RA+RP", "EADDRINUSE/-", "OK/OK", "EADDRINUSE/-", "OK/OK"},
        {"timewait", "-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-", "EADDRINUSE/-"},
        {"timewait", "RA", "EADDRINUSE/-", "OK/OK", "EADDRINUSE/-", "OK/OK"},
        {"timewait", "RP", "EADDRINUSE/-", "EADDRINUSE/-", "OK/OK", "OK/OK"},
        {"timewait", "RA+RP", "EADDRINUSE/-", "OK/OK", "OK/OK", "OK/OK"},
    };

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        String[][] addrPairs = {{"127.0.0.1", "127.0.0.1"}, {"0.0.0.0", "127.0.0.1"}, {"127.0.0.1", "0.0.0.0"}};
        // Observed on 6.18; the pairwise rule is the same in every profile, and so is the table for
        // 4.14+. Before 4.14 a stale fastreuse flag changes the cells of OldKernelFastPathTest.
        for (String profile : List.of("6.18", "6.12", "6.6", "6.1", "5.15", "5.10", "5.4", "4.19", "4.14")) {
            for (String[] pair : addrPairs) {
                add(out, profile, SAME_UID, 0, pair);
                add(out, profile, CROSS_UID, 1000, pair);
            }
        }
        return out.stream();
    }

    private static void add(List<Arguments> out, String profile, String[][] table, int sUid, String[] addrs) {
        for (String[] row : table) {
            for (int c = 0; c < 4; c++) {
                out.add(Arguments.of(profile, row[0], row[1], OPTS[c], sUid, addrs[0], addrs[1], row[2 + c]));
            }
        }
    }

    @ParameterizedTest(name = "{0}: E {1} {2} @{5}, S {3} uid {4} @{6} -> {7}")
    @MethodSource("cells")
    void observedCell(String profile, String eState, String eOpts, String sOpts, int sUid, String eAddr,
            String sAddr, String expected) {
        TestHost h = new TestHost(profile);
        h.socket("E", Family.IPV4, 0, opts(eOpts));
        assertEquals("ok", h.bind("E", eAddr + ":5000"));
        switch (eState) {
            case "listen" -> assertEquals("ok", h.listen("E"));
            case "connected" -> h.makeConnected("E", "127.0.0.9:80");
            case "timewait" -> {
                h.makeConnected("E", "127.0.0.9:80");
                h.makeTimeWait("E");
            }
            default -> { }
        }
        h.socket("S", Family.IPV4, sUid, opts(sOpts));
        String bind = h.bind("S", sAddr + ":5000");
        String cell = bind.equals("ok") ? "OK/" + ok(h.listen("S")) : "EADDRINUSE/-";
        if (eState.equals("bound")) {
            cell += "/" + ok(h.listen("E"));
        }
        assertEquals(expected, cell);
    }

    private static String ok(String s) {
        return s.equals("ok") ? "OK" : s;
    }

    private static String[] opts(String spec) {
        return spec.equals("-") ? new String[0] : spec.split("\\+");
    }
}
