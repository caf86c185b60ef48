package org.reuselab.probe.vm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The little an initramfs builder needs from a 64-bit little-endian ELF file: a section's bytes
 * by name (a module's {@code .modinfo}) and whether it asks for a program interpreter (a
 * dynamically linked executable does, a static one does not). Layout: the System V ABI's ELF-64
 * object file format.
 */
final class Elf {

    private static final int PT_INTERP = 3;
    private static final int SECTION_HEADER_SIZE = 64;

    private final ByteBuffer b;

    private Elf(byte[] bytes) {
        this.b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Parses the header; throws {@link IllegalArgumentException} naming {@code what} if it is no ELF-64 LE file. */
    static Elf parse(byte[] bytes, String what) {
        if (bytes.length < 64 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
            throw new IllegalArgumentException(what + " is not an ELF file");
        }
        if (bytes[4] != 2 || bytes[5] != 1) {
            throw new IllegalArgumentException(what + " is not a 64-bit little-endian ELF file");
        }
        return new Elf(bytes);
    }

    /** The bytes of the section with this name, if there is one. */
    Optional<byte[]> section(String name) {
        long shoff = b.getLong(40);
        int shnum = Short.toUnsignedInt(b.getShort(60));
        int shstrndx = Short.toUnsignedInt(b.getShort(62));
        if (shoff == 0 || shstrndx >= shnum) {
            return Optional.empty();
        }
        int names = (int) b.getLong(header(shoff, shstrndx) + 24);
        for (int i = 0; i < shnum; i++) {
            int h = header(shoff, i);
            if (name.equals(cString(names + b.getInt(h)))) {
                int offset = (int) b.getLong(h + 24);
                int size = (int) b.getLong(h + 32);
                byte[] out = new byte[size];
                b.get(offset, out);
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    /** True if a program header asks for an interpreter (the file is dynamically linked). */
    boolean hasInterpreter() {
        long phoff = b.getLong(32);
        int phentsize = Short.toUnsignedInt(b.getShort(54));
        int phnum = Short.toUnsignedInt(b.getShort(56));
        for (int i = 0; i < phnum; i++) {
            if (b.getInt((int) (phoff + (long) i * phentsize)) == PT_INTERP) {
                return true;
            }
        }
        return false;
    }

    private static int header(long shoff, int index) {
        return (int) (shoff + (long) index * SECTION_HEADER_SIZE);
    }

    private String cString(int at) {
        int end = at;
        while (end < b.limit() && b.get(end) != 0) {
            end++;
        }
        byte[] s = new byte[end - at];
        b.get(at, s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
