package org.reuselab.probe.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which package stands for a kernel line, read from apt-cache's output, and which packages of its build it needs. */
class KernelPackagesTest {

    private static final List<String> APT = List.of(
            "linux-image-6.1.0-9-amd64", "linux-image-6.1.0-56-amd64", "linux-image-6.1.0-56-amd64-dbg",
            "linux-image-6.1.0-56-amd64-unsigned", "linux-image-6.1.0-56-cloud-amd64", "linux-image-6.1.0-56-rt-amd64",
            "linux-image-6.12.9+deb12-amd64", "linux-image-6.12.117+deb12-amd64", "linux-image-6.12.117+deb12-rt-amd64",
            "linux-image-6.12.117+deb12-cloud-amd64", "linux-image-6.12.117+deb12-amd64-unsigned");

    /** {@code apt-cache search --names-only '^linux-image-5\.10\.'} in bullseye (shortened; -dbg lines as apt prints them). */
    private static final String BULLSEYE = """
            linux-image-5.10.0-30-amd64-dbg - Debug symbols for linux-image-5.10.0-30-amd64
            linux-image-5.10.0-30-amd64-unsigned - Linux 5.10 for 64-bit PCs
            linux-image-5.10.0-30-cloud-amd64-unsigned - Linux 5.10 for x86-64 cloud
            linux-image-5.10.0-30-rt-amd64-unsigned - Linux 5.10 for 64-bit PCs, PREEMPT_RT
            linux-image-5.10.0-32-amd64-dbg - Debug symbols for linux-image-5.10.0-32-amd64
            linux-image-5.10.0-32-amd64-unsigned - Linux 5.10 for 64-bit PCs
            linux-image-5.10.0-32-cloud-amd64-unsigned - Linux 5.10 for x86-64 cloud
            linux-image-5.10.0-32-rt-amd64-unsigned - Linux 5.10 for 64-bit PCs, PREEMPT_RT
            linux-image-5.10.0-30-amd64 - Linux 5.10 for 64-bit PCs (signed)
            linux-image-5.10.0-30-cloud-amd64 - Linux 5.10 for x86-64 cloud (signed)
            linux-image-5.10.0-30-rt-amd64 - Linux 5.10 for 64-bit PCs, PREEMPT_RT (signed)
            linux-image-5.10.0-32-amd64 - Linux 5.10 for 64-bit PCs (signed)
            linux-image-5.10.0-32-cloud-amd64 - Linux 5.10 for x86-64 cloud (signed)
            linux-image-5.10.0-32-rt-amd64 - Linux 5.10 for 64-bit PCs, PREEMPT_RT (signed)
            """;

    /** The same search for 7.2 in sid, where the image is a small package over linux-binary-/linux-modules-. */
    private static final String SID = """
            linux-image-7.2.13+deb14-amd64 - Linux 7.2.13 for 64-bit PCs
            linux-image-7.2.13+deb14-amd64-dbg - Debug symbols for linux-image-7.2.13+deb14-amd64
            linux-image-7.2.13+deb14-cloud-amd64 - Linux 7.2.13 for x86-64 cloud
            linux-image-7.2.13+deb14-rt-amd64 - Linux 7.2.13 for 64-bit PCs, PREEMPT_RT
            linux-image-7.2.9+deb14-amd64 - Linux 7.2.9 for 64-bit PCs
            """;

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

    @Test
    void searchNames_aptCacheOutput_firstWordOfEachLine() {
        List<String> names = KernelPackages.searchNames(SID + "\n");
        assertEquals(5, names.size());
        assertEquals("linux-image-7.2.13+deb14-amd64", names.get(0));
        assertEquals("linux-image-7.2.9+deb14-amd64", names.get(4));
    }

    @Test
    void newest_bullseye510_genericSignedNewestAbi() {
        assertEquals(Optional.of("linux-image-5.10.0-32-amd64"),
                KernelPackages.newest("5.10", KernelPackages.searchNames(BULLSEYE)));
    }

    @Test
    void newest_sid72_genericNotRtCloudDbg_newestUpstream() {
        assertEquals(Optional.of("linux-image-7.2.13+deb14-amd64"),
                KernelPackages.newest("7.2", KernelPackages.searchNames(SID)));
        assertEquals(Optional.empty(), KernelPackages.newest("7.1", KernelPackages.searchNames(SID)));
    }

    @Test
    void newest_trixie612_laterDebianBuildOfSameUpstream() {
        assertEquals(Optional.of("linux-image-6.12.117+deb13-amd64"), KernelPackages.newest("6.12",
                List.of("linux-image-6.12.117+deb12-amd64", "linux-image-6.12.117+deb13-amd64",
                        "linux-image-6.12.107+deb13-amd64", "linux-image-6.12.117+deb13-cloud-amd64")));
    }

    @Test
    void sameBuild_splitImage72_binaryModulesAndBase() {
        String depends = "dracut | initramfs-tools (>= 0.120+deb8u2) | linux-initramfs-tool, "
                + "linux-base-7.2.13+deb14-amd64 (= 7.2.13-1), linux-binary-7.2.13+deb14-amd64 (= 7.2.13-1), "
                + "linux-modules-7.2.13+deb14-amd64 (= 7.2.13-1)\n";
        assertEquals(List.of("linux-base-7.2.13+deb14-amd64", "linux-binary-7.2.13+deb14-amd64",
                "linux-modules-7.2.13+deb14-amd64"), KernelPackages.sameBuild("linux-image-7.2.13+deb14-amd64", depends));
    }

    @Test
    void sameBuild_binaryPackage_itsBase() {
        assertEquals(List.of("linux-base-7.2.13+deb14-amd64"), KernelPackages.sameBuild(
                "linux-binary-7.2.13+deb14-amd64", "linux-base-7.2.13+deb14-amd64 (= 7.2.13-1)"));
    }

    @Test
    void sameBuild_onePackageImages_none() {
        assertTrue(KernelPackages.sameBuild("linux-image-5.10.0-32-amd64",
                "kmod, linux-base (>= 4.3~), initramfs-tools (>= 0.120+deb8u2) | linux-initramfs-tool").isEmpty());
        assertTrue(KernelPackages.sameBuild("linux-image-6.1.0-57-amd64", "").isEmpty());
    }

    @Test
    void sameBuild_otherRelease_notFollowed() {
        assertTrue(KernelPackages.sameBuild("linux-image-7.2.13+deb14-amd64",
                "linux-modules-7.2.9+deb14-amd64, linux-binary-7.2.13+deb14-cloud-amd64").isEmpty());
    }
}
