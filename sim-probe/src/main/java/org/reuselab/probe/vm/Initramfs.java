package org.reuselab.probe.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The guest's initramfs: a static busybox, the modules the guest needs (dependencies first, in
 * {@code /modules/order}) and the init script ({@code init.sh} beside this class). Built at run
 * time from the host's busybox-static and the kernel package's own modules; nothing prebuilt.
 */
final class Initramfs {

    /**
     * What the guest loads: 9p over virtio for the host's root and the shares, overlay for a
     * writable root, tun for the probe's remote peers. Their dependencies (netfs, fscache,
     * virtio_ring, ...) come from the modules' own .modinfo; built-in ones are skipped.
     */
    static final List<String> WANTED = List.of("virtio_pci", "9pnet_virtio", "9p", "overlay", "tun");

    private Initramfs() {
    }

    /** The archive for a kernel whose modules are {@code modules}, with {@code busybox} as /bin/busybox. */
    static byte[] build(byte[] busybox, List<KernelModule> modules) {
        Cpio cpio = new Cpio();
        cpio.file("init", 0755, initScript());
        cpio.file("bin/busybox", 0755, busybox);
        cpio.dir("modules");
        for (KernelModule m : modules) {
            cpio.file("modules/" + m.name() + ".ko", 0644, m.content());
        }
        String order = modules.stream().map(KernelModule::name).collect(Collectors.joining("\n", "", "\n"));
        cpio.file("modules/order", 0644, order.getBytes(StandardCharsets.US_ASCII));
        return cpio.toBytes();
    }

    static byte[] initScript() {
        try (InputStream in = Initramfs.class.getResourceAsStream("init.sh")) {
            if (in == null) {
                throw new IllegalStateException("init.sh is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
