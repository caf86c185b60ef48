package org.reuselab.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Before 4.14 the bind bucket's flags were updated only after the slow path
 * (inet_csk_get_port() in the 3.10, 4.4 and 4.9 trees): a listener with SO_REUSEADDR and
 * SO_REUSEPORT re-checks on the SO_REUSEPORT fast path and so leaves fastreuse=1 behind. A later
 * SO_REUSEADDR-only socket then binds on the fast path and fails only at listen(). This is the
 * model's reading of those trees, not an observation.
 */
class OldKernelFastPathTest {

    @ParameterizedTest(name = "{0}: E RA+RP listening, S RA binds -> {1}, listens -> {2}")
    @CsvSource({
        "3.10, ok, EADDRINUSE, FAST_PATH_REUSEADDR",
        "4.4,  ok, EADDRINUSE, FAST_PATH_REUSEADDR",
        "4.9,  ok, EADDRINUSE, FAST_PATH_REUSEADDR",
        "4.14, EADDRINUSE, -, CONFLICT_LISTENER",
        "6.18, EADDRINUSE, -, CONFLICT_LISTENER",
    })
    void listenerWithBothFlags_leavesStaleFastreuse(String profile, String bind, String listen, String rule) {
        TestHost h = new TestHost(profile);
        h.socket("E", "RA", "RP");
        assertEquals("ok", h.bind("E", "127.0.0.1:5000"));
        assertEquals("ok", h.listen("E"));
        h.socket("S", "RA");
        assertEquals(bind, h.bind("S", "127.0.0.1:5000"));
        assertEquals(rule, h.lastRule().orElseThrow());
        if (bind.equals("ok")) {
            assertEquals(listen, h.listen("S"));
            assertEquals("CONFLICT_LISTENER", h.lastRule().orElseThrow());
        }
    }
}
