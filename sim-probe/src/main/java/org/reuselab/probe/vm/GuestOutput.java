package org.reuselab.probe.vm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Relays what the guest's command writes to its stdout and stderr files on the control share to
 * the host's streams, as it grows (9p writes reach the host file at once).
 */
final class GuestOutput {

    private final Follow stdout;
    private final Follow stderr;

    GuestOutput(Path control, OutputStream out, OutputStream err) {
        this.stdout = new Follow(control.resolve("stdout"), out);
        this.stderr = new Follow(control.resolve("stderr"), err);
    }

    void poll() throws IOException {
        stdout.copyNew();
        stderr.copyNew();
    }

    /** Copies everything left (after the guest stopped writing). */
    void drain() throws IOException {
        while (stdout.copyNew() | stderr.copyNew()) {
            // until both are copied to the end
        }
    }

    /** One file followed from the last offset copied. */
    private static final class Follow {
        private final Path file;
        private final OutputStream to;
        private long offset;

        Follow(Path file, OutputStream to) {
            this.file = file;
            this.to = to;
        }

        /** Copies up to 1 MiB that is new; true if there was any. */
        boolean copyNew() throws IOException {
            if (!Files.exists(file)) {
                return false;
            }
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                long size = f.length();
                if (size <= offset) {
                    return false;
                }
                byte[] buf = new byte[(int) Math.min(size - offset, 1 << 20)];
                f.seek(offset);
                f.readFully(buf);
                offset += buf.length;
                to.write(buf);
                to.flush();
                return true;
            }
        }
    }
}
