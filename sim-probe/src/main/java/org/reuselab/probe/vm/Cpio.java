package org.reuselab.probe.vm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A cpio archive in the "newc" format, the one the kernel unpacks as an initramfs
 * (Documentation/driver-api/early-userspace/buffer-format.rst). Entries are written in the order
 * they are added; parent directories are added on first use. Timestamps are zero, so the same
 * entries give the same bytes.
 */
public final class Cpio {

    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final String MAGIC = "070701";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Set<String> dirs = new LinkedHashSet<>();
    private int nextInode = 1;
    private boolean finished;

    /** Adds a directory (and its parents), mode 0755. */
    public Cpio dir(String path) {
        String p = strip(path);
        if (p.isEmpty() || dirs.contains(p)) {
            return this;
        }
        parents(p);
        dirs.add(p);
        entry(p, S_IFDIR | 0755, 2, new byte[0]);
        return this;
    }

    /** Adds a regular file with these permission bits (e.g. 0755), its parents first. */
    public Cpio file(String path, int permissions, byte[] content) {
        String p = strip(path);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("cpio: a file needs a name, got '" + path + "'");
        }
        parents(p);
        entry(p, S_IFREG | (permissions & 07777), 1, content);
        return this;
    }

    /** The archive, with its trailer. */
    public byte[] toBytes() {
        if (!finished) {
            entry("TRAILER!!!", 0, 1, new byte[0]);
            finished = true;
        }
        return out.toByteArray();
    }

    private void parents(String p) {
        int slash = p.lastIndexOf('/');
        if (slash > 0) {
            dir(p.substring(0, slash));
        }
    }

    private void entry(String name, int mode, int links, byte[] content) {
        if (finished) {
            throw new IllegalStateException("cpio: archive already finished");
        }
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder(MAGIC);
        int[] fields = {nextInode++, mode, 0, 0, links, 0, content.length, 0, 0, 0, 0, nameBytes.length, 0};
        for (int f : fields) {
            h.append(String.format("%08x", f));
        }
        out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(nameBytes);
        pad();
        out.writeBytes(content);
        pad();
    }

    private void pad() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
