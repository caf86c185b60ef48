package org.reuselab.probe.vm;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A host directory exported to the guest over 9p (virtio): the guest mounts it by {@code tag}.
 * The host's root is shared read-only; shares of this kind are writable and appear in the guest at
 * {@code guestPath} (for an output directory, its own host path).
 */
public record Share(String tag, Path hostPath, String guestPath) {

    private static final Pattern TAG = Pattern.compile("[a-z][a-z0-9]{0,30}");

    public Share {
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("share tag must be [a-z][a-z0-9]*, at most 31 characters: '" + tag + "'");
        }
        if (!hostPath.isAbsolute() || !guestPath.startsWith("/") || hostPath.toString().contains(",")
                || guestPath.chars().anyMatch(c -> c == '\n' || c == ' ')) {
            throw new IllegalArgumentException("share paths must be absolute, without ',' (host) or spaces (guest): "
                    + hostPath + " -> " + guestPath);
        }
    }
}
