package org.reuselab.probe.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The qemu command line of one guest: software emulation (TCG; KVM is not assumed), no network
 * device at all, the serial console as the only display, no reboot (a guest that powers off or
 * panics ends qemu), the host's root read-only over 9p, a control share and writable shares.
 */
record QemuCommand(Path qemu, Path vmlinuz, Path initrd, Share control, List<Share> writable, int memoryMb, int cpus) {

    /** Kernel command line: serial console, reboot at once on panic (which -no-reboot turns into an exit). */
    static final String APPEND = "console=ttyS0 panic=-1 quiet loglevel=4";

    QemuCommand {
        writable = List.copyOf(writable);
    }

    List<String> args() {
        List<String> a = new ArrayList<>(List.of(qemu.toString(), "-accel", "tcg", "-m", Integer.toString(memoryMb),
                "-smp", Integer.toString(cpus), "-nographic", "-no-reboot", "-nic", "none", "-kernel", vmlinuz.toString(),
                "-initrd", initrd.toString(), "-append", APPEND, "-virtfs",
                "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap"));
        a.addAll(virtfs(control));
        for (Share s : writable) {
            a.addAll(virtfs(s));
        }
        return a;
    }

    private static List<String> virtfs(Share s) {
        return List.of("-virtfs", "local,path=" + s.hostPath() + ",mount_tag=" + s.tag()
                + ",security_model=none,multidevs=remap");
    }
}
