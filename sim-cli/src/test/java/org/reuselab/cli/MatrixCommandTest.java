package org.reuselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reuselab.probe.LinuxHost;

/** {@code reuselab matrix} on this machine's kernel alone, and with a kernel line no registry has. */
class MatrixCommandTest {

    private static final String FILE = "../scenarios/bind/39-stale-flags.json";

    @Test
    @Tag("root")
    void matrix_hostOnly_agreesAndNamesTheRelease() {
        Optional<String> why = LinuxHost.unavailable();
        assumeTrue(why.isEmpty(), () -> why.orElse(""));
        Cli r = Cli.run("matrix", "--kernels", "host", "--known", "../known-differences.json", FILE);
        assertEquals(ExitCodes.OK, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("  host: linux " + System.getProperty("os.version") + ", profile "), r.out());
        assertTrue(r.out().contains("1 of 1 files agree"), r.out());
        assertTrue(r.out().endsWith("(0 unexplained)\n"), r.out());
    }

    @Test
    void matrix_unknownKernelLine_exit2WithOneLine() {
        Cli r = Cli.run("matrix", "--kernels", "9.99", FILE);
        assertEquals(ExitCodes.BAD_INPUT, r.status(), r.err());
        assertTrue(r.err().startsWith("reuselab: "), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }
}
