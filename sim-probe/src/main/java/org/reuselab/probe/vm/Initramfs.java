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
     * What the guest cannot do without: 9p over virtio for the host's root and the shares
     * (virtio_pci is built into 6.12's kernel, a module elsewhere), overlay for a writable root,
     * tun for the probe's remote peers. Their dependencies (fscache, virtio_ring, ...) come from
     * the modules' own .modinfo; built-in ones are skipped. One of them missing from a kernel's
     * tree is an error that names it.
     */
    static final List<String> REQUIRED = List.of("virtio_pci", "9pnet_virtio", "9p", "overlay", "tun");
    /**
     * Loaded where the tree has them, skipped where it has not: the PCI transport's helper modules
     * and the network file system library, which later kernels split out of virtio_pci and 9p
     * (6.1's virtio_pci and 9p depend on them; 5.10's tree has none of them, and 9p works there
     * without them).
     */
    static final List<String> OPTIONAL = List.of("virtio_pci_legacy_dev", "virtio_pci_modern_dev", "netfs");

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
