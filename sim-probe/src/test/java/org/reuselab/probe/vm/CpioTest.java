package org.reuselab.probe.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The newc writer, read back by a reader written from the format's description. */
class CpioTest {

    /** One entry read back: name, mode, size and content. */
    record Entry(String name, int mode, byte[] content) {
    }

    static List<Entry> read(byte[] a) {
        List<Entry> out = new ArrayList<>();
        int at = 0;
        while (true) {
            String h = new String(a, at, 110, StandardCharsets.US_ASCII);
            assertEquals("070701", h.substring(0, 6), "magic at " + at);
            int mode = Integer.parseUnsignedInt(h.substring(14, 22), 16);
            int size = Integer.parseUnsignedInt(h.substring(54, 62), 16);
            int nameSize = Integer.parseUnsignedInt(h.substring(94, 102), 16);
            String name = new String(a, at + 110, nameSize - 1, StandardCharsets.UTF_8);
            at = align(at + 110 + nameSize);
            byte[] content = java.util.Arrays.copyOfRange(a, at, at + size);
            at = align(at + size);
            if (name.equals("TRAILER!!!")) {
                assertEquals(a.length, at, "nothing after the trailer");
                return out;
            }
            out.add(new Entry(name, mode, content));
        }
    }

    private static int align(int n) {
        return (n + 3) & ~3;
    }

    @Test
    void file_parentsFirst_contentAndModeKept() {
        byte[] a = new Cpio().file("/modules/9p.ko", 0644, new byte[] {1, 2, 3}).file("init", 0755, "#!x\n".getBytes(
                StandardCharsets.US_ASCII)).toBytes();
        List<Entry> e = read(a);
        assertEquals(List.of("modules", "modules/9p.ko", "init"), e.stream().map(Entry::name).toList());
        assertEquals(0040755, e.get(0).mode());
        assertEquals(0100644, e.get(1).mode());
        assertArrayEquals(new byte[] {1, 2, 3}, e.get(1).content());
        assertEquals(0100755, e.get(2).mode());
    }

    @Test
    void sameEntries_sameBytes() {
        assertArrayEquals(new Cpio().dir("a/b").file("a/b/c", 0600, new byte[5]).toBytes(),
                new Cpio().dir("a/b").file("a/b/c", 0600, new byte[5]).toBytes());
    }

    @Test
    void dir_addedOnce() {
        List<Entry> e = read(new Cpio().dir("x").dir("x/").file("x/y", 0644, new byte[0]).toBytes());
        assertEquals(List.of("x", "x/y"), e.stream().map(Entry::name).toList());
    }
}
