package org.reuselab.probe.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The qemu command line, the guest's command script and the shares file. */
class QemuCommandTest {

    @Test
    void args_tcgNoNetworkNoRebootReadOnlyRoot() {
        QemuCommand q = new QemuCommand(Path.of("/usr/bin/qemu-system-x86_64"), Path.of("/k/vmlinuz"),
                Path.of("/t/initrd.cpio"), new Share("control", Path.of("/t/control"), "/.reuselab-vm"),
                List.of(new Share("out0", Path.of("/tmp/fuzz"), "/tmp/fuzz")), 3072, 1);
        assertEquals(List.of("/usr/bin/qemu-system-x86_64", "-accel", "tcg", "-m", "3072", "-smp", "1", "-nographic",
                "-no-reboot", "-nic", "none", "-kernel", "/k/vmlinuz", "-initrd", "/t/initrd.cpio", "-append",
                "console=ttyS0 panic=-1 quiet loglevel=4",
                "-virtfs", "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap",
                "-virtfs", "local,path=/t/control,mount_tag=control,security_model=none,multidevs=remap",
                "-virtfs", "local,path=/tmp/fuzz,mount_tag=out0,security_model=none,multidevs=remap"), q.args());
    }

    @Test
    void script_quotesEverything() {
        GuestCommand c = new GuestCommand(Path.of("/work/my dir"), Map.of("JAVA_HOME", "/jdk", "A", "it's"),
                List.of("/jdk/bin/java", "-cp", "a.jar", "Main", "compare", "x y.json"), List.of());
        assertEquals("""
                cd '/work/my dir' || exit 125
                export A='it'\\''s'
                export JAVA_HOME='/jdk'
                exec '/jdk/bin/java' '-cp' 'a.jar' 'Main' 'compare' 'x y.json'
                """, c.script());
    }

    @Test
    void mountsFile_tagAndGuestPath() {
        assertEquals("out0 /tmp/a\nout1 /tmp/b\n", GuestVm.mountsFile(List.of(new Share("out0", Path.of("/tmp/a"), "/tmp/a"),
                new Share("out1", Path.of("/tmp/b"), "/tmp/b"))));
    }

    @Test
    void share_badTag_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new Share("Out-0", Path.of("/tmp"), "/tmp"));
        assertThrows(IllegalArgumentException.class, () -> new Share("out", Path.of("/a,b"), "/a"));
    }

    @Test
    void initScript_isInTheJar() {
        String init = new String(Initramfs.initScript(), java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("#!/bin/busybox sh", init.lines().findFirst().orElseThrow());
    }
}
