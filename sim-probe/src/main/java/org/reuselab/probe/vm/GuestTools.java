package org.reuselab.probe.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The host tools a guest needs, each found or reported with the Debian package that provides it. */
public final class GuestTools {

    static final String QEMU = "qemu-system-x86_64";
    private static final List<Path> BUSYBOX = List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox"));

    private GuestTools() {
    }

    /** Why no guest can be booted here (one line naming what to install), or empty. */
    public static Optional<String> missing() {
        if (!"amd64".equals(System.getProperty("os.arch")) && !"x86_64".equals(System.getProperty("os.arch"))) {
            return Optional.of("--kernel-image boots Debian's amd64 kernels; this host is " + System.getProperty("os.arch"));
        }
        if (HostCommand.which(QEMU).isEmpty()) {
            return Optional.of("--kernel-image needs " + QEMU + " (apt-get install qemu-system-x86)");
        }
        if (staticBusybox().isEmpty()) {
            return Optional.of("--kernel-image needs a statically linked busybox (apt-get install busybox-static)");
        }
        return Optional.empty();
    }

    static Path qemu() {
        return HostCommand.which(QEMU).orElseThrow(() -> new VmUnavailableException(missing().orElseThrow()));
    }

    static byte[] busybox() {
        Path p = staticBusybox().orElseThrow(() -> new VmUnavailableException(missing().orElseThrow()));
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new VmUnavailableException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> staticBusybox() {
        for (Path p : BUSYBOX) {
            try {
                if (Files.isExecutable(p) && !Elf.parse(Files.readAllBytes(p), p.toString()).hasInterpreter()) {
                    return Optional.of(p);
                }
            } catch (IOException | IllegalArgumentException e) {
                // not readable or not ELF: look further
            }
        }
        return Optional.empty();
    }
}
