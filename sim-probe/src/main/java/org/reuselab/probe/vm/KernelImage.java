package org.reuselab.probe.vm;

import java.nio.file.Path;

/**
 * An unpacked Debian kernel package: its name, the kernel's release ({@code uname -r}), the
 * bootable image and the directory of its modules.
 */
public record KernelImage(String packageName, String release, Path vmlinuz, Path modulesDir) {
}
