package org.reuselab.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Bytes from a guest's output, passed on to a writer line by line (so no UTF-8 sequence is split). */
final class LineRelay extends OutputStream {

    private final PrintWriter to;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineRelay(PrintWriter to) {
        this.to = to;
    }

    @Override
    public void write(int b) {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Passes on a last line without its newline, too. */
    @Override
    public void flush() {
        to.flush();
    }

    @Override
    public void close() {
        emit();
    }

    private void emit() {
        if (line.size() > 0) {
            to.print(line.toString(StandardCharsets.UTF_8));
            to.flush();
            line.reset();
        }
    }
}
