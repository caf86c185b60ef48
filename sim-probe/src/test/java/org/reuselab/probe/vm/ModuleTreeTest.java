package org.reuselab.probe.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dependency order, built-in modules and module names, over a tree held in memory. */
class ModuleTreeTest {

    private static ModuleTree tree(Map<String, List<String>> deps, Set<String> builtin) {
        return new ModuleTree(name -> new KernelModule(name, new byte[0], deps.get(name)), deps.keySet(), builtin);
    }

    private static List<String> names(List<KernelModule> m) {
        return m.stream().map(KernelModule::name).toList();
    }

    @Test
    void resolve_debian61Shape_dependenciesFirst() {
        ModuleTree t = tree(Map.of(
                "9p", List.of("9pnet", "fscache", "netfs"),
                "9pnet", List.of(),
                "9pnet_virtio", List.of("virtio", "9pnet", "virtio_ring"),
                "fscache", List.of("netfs"),
                "netfs", List.of(),
                "virtio", List.of("virtio_ring"),
                "virtio_ring", List.of(),
                "virtio_pci", List.of("virtio_ring", "virtio_pci_modern_dev", "virtio_pci_legacy_dev", "virtio"),
                "virtio_pci_modern_dev", List.of(),
                "virtio_pci_legacy_dev", List.of()), Set.of());
        assertEquals(List.of("virtio_ring", "virtio_pci_modern_dev", "virtio_pci_legacy_dev", "virtio", "virtio_pci",
                "9pnet", "9pnet_virtio", "netfs", "fscache", "9p"), names(t.resolve(List.of("virtio_pci",
                        "9pnet_virtio", "9p"))));
    }

    @Test
    void resolve_builtinDependency_leftOut() {
        ModuleTree t = tree(Map.of("9p", List.of("9pnet", "netfs"), "9pnet", List.of(), "netfs", List.of()),
                Set.of("virtio", "virtio_pci"));
        assertEquals(List.of("9pnet", "netfs", "9p"), names(t.resolve(List.of("virtio_pci", "9p"))));
    }

    @Test
    void resolve_missingModule_namesIt() {
        ModuleTree t = tree(Map.of("9p", List.of("9pnet")), Set.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.resolve(List.of("9p")));
        assertEquals("kernel module 9pnet (needed by 9p) is neither a module file nor built in", e.getMessage());
    }

    @Test
    void resolve_missingDependency_namesWhatNeedsIt() {
        ModuleTree t = tree(Map.of("9p", List.of("9pnet", "netfs"), "9pnet", List.of()), Set.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.resolve(List.of("9p"), List.of()));
        assertEquals("kernel module netfs (needed by 9p) is neither a module file nor built in", e.getMessage());
    }

    /** Debian 5.10's shape: no virtio_pci_*_dev, no netfs; 9p needs only 9pnet and fscache. */
    @Test
    void resolve_debian510Shape_optionalModulesItLacksSkipped() {
        ModuleTree t = tree(Map.of(
                "9p", List.of("9pnet", "fscache"),
                "9pnet", List.of(),
                "9pnet_virtio", List.of("virtio", "9pnet", "virtio_ring"),
                "fscache", List.of(),
                "virtio", List.of("virtio_ring"),
                "virtio_ring", List.of(),
                "virtio_pci", List.of("virtio_ring", "virtio"),
                "overlay", List.of(),
                "tun", List.of()), Set.of());
        assertEquals(List.of("virtio_ring", "virtio", "virtio_pci", "9pnet", "9pnet_virtio", "fscache", "9p", "overlay",
                "tun"), names(t.resolve(Initramfs.REQUIRED, Initramfs.OPTIONAL)));
    }

    @Test
    void resolve_optionalPresent_loadedAfterTheRequired() {
        ModuleTree t = tree(Map.of("9p", List.of(), "netfs", List.of(), "virtio_pci_legacy_dev", List.of()),
                Set.of("virtio_pci_modern_dev"));
        assertEquals(List.of("9p", "virtio_pci_legacy_dev", "netfs"), names(t.resolve(List.of("9p"),
                Initramfs.OPTIONAL)));
    }

    @Test
    void resolve_requiredMissing_errorEvenWithOptionals() {
        ModuleTree t = tree(Map.of("9p", List.of(), "netfs", List.of()), Set.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.resolve(Initramfs.REQUIRED,
                Initramfs.OPTIONAL));
        assertEquals("kernel module virtio_pci is neither a module file nor built in", e.getMessage());
    }

    @Test
    void resolve_requiredBuiltin_fine() {
        ModuleTree t = tree(Map.of("9p", List.of(), "9pnet_virtio", List.of(), "overlay", List.of(), "tun", List.of()),
                Set.of("virtio_pci"));
        assertEquals(List.of("9pnet_virtio", "9p", "overlay", "tun"), names(t.resolve(Initramfs.REQUIRED,
                Initramfs.OPTIONAL)));
    }

    @Test
    void resolve_cycle_reported() {
        ModuleTree t = tree(Map.of("a", List.of("b"), "b", List.of("a")), Set.of());
        assertThrows(IllegalStateException.class, () -> t.resolve(List.of("a")));
    }

    @Test
    void nameOf_fileNames() {
        assertEquals("virtio_rng", KernelModule.nameOf("virtio-rng.ko.xz"));
        assertEquals("9pnet_virtio", KernelModule.nameOf("9pnet_virtio.ko"));
    }

    @Test
    void depends_fromModinfo() {
        byte[] info = "license=GPL\0depends=virtio,9pnet,virtio_ring\0name=9pnet_virtio\0".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(List.of("virtio", "9pnet", "virtio_ring"), KernelModule.depends(info));
        assertEquals(List.of(), KernelModule.depends("depends=\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
