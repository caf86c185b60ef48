package org.reuselab.probe.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where vmlinuz and the module tree are in small fake unpacked packages of both layouts. */
class KernelLayoutTest {

    private static void file(Path p) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }

    @Test
    void onePackageLayout_bootVmlinuzAndLibModules(@TempDir Path d) throws Exception {
        file(d.resolve("boot/vmlinuz-5.10.0-32-amd64"));
        file(d.resolve("boot/System.map-5.10.0-32-amd64"));
        file(d.resolve("lib/modules/5.10.0-32-amd64/kernel/fs/9p/9p.ko"));
        file(d.resolve("lib/modules/5.10.0-32-amd64/modules.builtin"));
        file(d.resolve("usr/share/doc/linux-image-5.10.0-32-amd64/changelog.gz"));
        KernelImage k = KernelLayout.find("linux-image-5.10.0-32-amd64", d);
        assertEquals("5.10.0-32-amd64", k.release());
        assertEquals(d.resolve("boot/vmlinuz-5.10.0-32-amd64"), k.vmlinuz());
        assertEquals(d.resolve("lib/modules/5.10.0-32-amd64"), k.modulesDir());
    }

    @Test
    void splitLayout_usrLibModulesWithVmlinuz(@TempDir Path d) throws Exception {
        String r = "7.2.13+deb14-amd64";
        file(d.resolve("usr/lib/modules/" + r + "/vmlinuz"));
        file(d.resolve("usr/lib/modules/" + r + "/modules.builtin"));
        file(d.resolve("usr/lib/modules/" + r + "/kernel/fs/9p/9p.ko.xz"));
        file(d.resolve("usr/share/doc/linux-base-" + r + "/copyright"));
        KernelImage k = KernelLayout.find("linux-image-" + r, d);
        assertEquals(r, k.release());
        assertEquals(d.resolve("usr/lib/modules/" + r + "/vmlinuz"), k.vmlinuz());
        assertEquals(d.resolve("usr/lib/modules/" + r), k.modulesDir());
    }

    @Test
    void splitLayout_metaPackageOnly_noModuleTree(@TempDir Path d) throws Exception {
        file(d.resolve("usr/share/doc/linux-image-7.2.13+deb14-amd64/copyright"));
        VmUnavailableException e = assertThrows(VmUnavailableException.class,
                () -> KernelLayout.find("linux-image-7.2.13+deb14-amd64", d));
        assertTrue(e.getMessage().contains("holds no module tree"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void modulesWithoutKernel_namesTheRelease(@TempDir Path d) throws Exception {
        file(d.resolve("usr/lib/modules/7.2.13+deb14-amd64/kernel/net/9p/9pnet.ko.xz"));
        VmUnavailableException e = assertThrows(VmUnavailableException.class,
                () -> KernelLayout.find("linux-image-7.2.13+deb14-amd64", d));
        assertTrue(e.getMessage().contains("holds no kernel for release 7.2.13+deb14-amd64"), e.getMessage());
    }

    @Test
    void releaseDirectoryWithoutKernelSubdirectory_notATree(@TempDir Path d) throws Exception {
        file(d.resolve("boot/vmlinuz-6.1.0-57-amd64"));
        file(d.resolve("lib/modules/6.1.0-57-amd64/modules.builtin"));
        file(d.resolve("usr/lib/modules/6.1.0-57-amd64/kernel/fs/overlayfs/overlay.ko"));
        KernelImage k = KernelLayout.find("linux-image-6.1.0-57-amd64", d);
        assertEquals(d.resolve("usr/lib/modules/6.1.0-57-amd64"), k.modulesDir());
        assertEquals(d.resolve("boot/vmlinuz-6.1.0-57-amd64"), k.vmlinuz());
    }
}
