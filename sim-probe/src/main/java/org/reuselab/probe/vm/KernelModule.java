package org.reuselab.probe.vm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A kernel module as the initramfs needs it: its name, its plain (decompressed) bytes, and the
 * modules it depends on, read from its {@code .modinfo} section ("depends=a,b"), the field
 * depmod builds {@code modules.dep} from. Debian's packages carry no modules.dep (depmod runs at
 * install time), so the dependencies are read here.
 */
record KernelModule(String name, byte[] content, List<String> depends) {

    KernelModule {
        depends = List.copyOf(depends);
    }

    /** Reads a module file's bytes (already decompressed); {@code name} as in modules.dep, with underscores. */
    static KernelModule of(String name, byte[] plain) {
        byte[] info = Elf.parse(plain, "module " + name).section(".modinfo").orElseThrow(
                () -> new IllegalArgumentException("module " + name + " has no .modinfo section"));
        return new KernelModule(name, plain, depends(info));
    }

    /** The module name a file name stands for: {@code virtio-rng.ko.xz} is {@code virtio_rng}. */
    static String nameOf(String fileName) {
        int dot = fileName.indexOf(".ko");
        return (dot < 0 ? fileName : fileName.substring(0, dot)).replace('-', '_');
    }

    static List<String> depends(byte[] modinfo) {
        for (String field : new String(modinfo, StandardCharsets.UTF_8).split("\0")) {
            if (field.startsWith("depends=")) {
                String v = field.substring("depends=".length());
                return v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(KernelModule::nameOf).toList();
            }
        }
        return List.of();
    }
}
