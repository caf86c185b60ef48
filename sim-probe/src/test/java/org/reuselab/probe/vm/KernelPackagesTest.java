package org.reuselab.probe.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which package stands for a kernel line. */
class KernelPackagesTest {

    private static final List<String> APT = List.of(
            "linux-image-6.1.0-9-amd64", "linux-image-6.1.0-56-amd64", "linux-image-6.1.0-56-amd64-dbg",
            "linux-image-6.1.0-56-amd64-unsigned", "linux-image-6.1.0-56-cloud-amd64", "linux-image-6.1.0-56-rt-amd64",
            "linux-image-6.12.9+deb12-amd64", "linux-image-6.12.117+deb12-amd64", "linux-image-6.12.117+deb12-rt-amd64",
            "linux-image-6.12.117+deb12-cloud-amd64", "linux-image-6.12.117+deb12-amd64-unsigned");

    @Test
    void newest_line61_genericNewestAbi() {
        assertEquals(Optional.of("linux-image-6.1.0-56-amd64"), KernelPackages.newest("6.1", APT));
    }

    @Test
    void newest_line612_notTakenFor61() {
        assertEquals(Optional.of("linux-image-6.12.117+deb12-amd64"), KernelPackages.newest("6.12", APT));
    }

    @Test
    void newest_unknownLine_empty() {
        assertEquals(Optional.empty(), KernelPackages.newest("5.10", APT));
    }
}
