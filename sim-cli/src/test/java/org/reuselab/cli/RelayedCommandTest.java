package org.reuselab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reuselab.probe.vm.GuestTools;

/** {@code real --kernel-image 6.1}: the command runs in a booted kernel and its trace comes back labelled with it. */
@Tag("qemu")
class RelayedCommandTest {

    @Test
    void real_kernelImage61_traceOfTheGuestKernel() {
        Optional<String> missing = GuestTools.missing();
        assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
        Cli r = Cli.run("real", "--kernel-image", "6.1", "../scenarios/bind/01-plain-duplicate.json");
        assumeTrue(!r.err().contains("no Debian package of Linux 6.1"), () -> "kernel 6.1 cannot be had here: " + r.err());
        assertEquals(ExitCodes.OK, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("host linux 6.1."), r.out());
        assertTrue(r.out().contains("1 scenario file(s) on linux 6.1."), r.out());
        assertTrue(r.err().contains("reuselab: guest linux 6.1."), r.err());
    }
}
