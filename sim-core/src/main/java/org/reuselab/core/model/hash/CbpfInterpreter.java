package org.reuselab.core.model.hash;

import java.util.List;
import java.util.OptionalLong;
import org.reuselab.core.net.CbpfInsn;

/**
 * A classic BPF interpreter for SO_ATTACH_REUSEPORT_CBPF programs, run on what the kernel hands
 * the program: the segment's payload (run_bpf_filter() pulls the TCP header first). As in the
 * kernel's translation of classic BPF, a load past the end or a division by zero ends the
 * program with 0; running off the end or an unknown instruction yields no result (empty), which
 * the selection treats as "no index".
 */
public final class CbpfInterpreter {

    private static final int MAX_STEPS = 4096;

    private CbpfInterpreter() {
    }

    /**
     * The checks the kernel makes when a classic program is attached (bpf_check_classic()): at
     * most 4096 instructions, known opcodes, jumps inside the program, a RET at the end.
     */
    public static boolean valid(List<CbpfInsn> prog) {
        if (prog.isEmpty() || prog.size() > MAX_STEPS || (prog.getLast().code() & 0x07) != 0x06) {
            return false;
        }
        for (int pc = 0; pc < prog.size(); pc++) {
            CbpfInsn in = prog.get(pc);
            if ((in.code() & 0x07) == 0x05) {
                long far = (in.code() & 0xf0) == 0 ? Integer.toUnsignedLong(in.k()) : Math.max(in.jt(), in.jf());
                if (pc + 1 + far >= prog.size()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Runs the program; {@code packet} are the bytes from the TCP header; returns A or K of RET. */
    public static OptionalLong run(List<CbpfInsn> prog, byte[] packet) {
        int a = 0;
        int x = 0;
        int[] mem = new int[16];
        int pc = 0;
        for (int steps = 0; steps < MAX_STEPS && pc >= 0 && pc < prog.size(); steps++) {
            CbpfInsn in = prog.get(pc++);
            int code = in.code();
            int k = in.k();
            int cls = code & 0x07;
            switch (cls) {
                case 0x00, 0x01 -> { // LD, LDX
                    OptionalLong v = load(code, k, x, packet, mem, packet.length);
                    if (v.isEmpty()) {
                        return OptionalLong.of(0);
                    }
                    if (cls == 0x00) {
                        a = (int) v.getAsLong();
                    } else {
                        x = (int) v.getAsLong();
                    }
                }
                case 0x02 -> mem[k & 15] = a; // ST
                case 0x03 -> mem[k & 15] = x; // STX
                case 0x04 -> { // ALU
                    OptionalLong v = alu(code, a, (code & 0x08) != 0 ? x : k);
                    if (v.isEmpty()) {
                        return OptionalLong.of(0);
                    }
                    a = (int) v.getAsLong();
                }
                case 0x05 -> pc += jump(code, a, (code & 0x08) != 0 ? x : k, in); // JMP
                case 0x06 -> { // RET
                    int src = code & 0x18;
                    return OptionalLong.of(Integer.toUnsignedLong(src == 0x10 ? a : k));
                }
                case 0x07 -> { // MISC: TAX / TXA
                    if ((code & 0xf8) == 0x00) {
                        x = a;
                    } else {
                        a = x;
                    }
                }
                default -> {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong load(int code, int k, int x, byte[] p, int[] mem, int len) {
        int mode = code & 0xe0;
        int size = code & 0x18;
        return switch (mode) {
            case 0x00 -> OptionalLong.of(k); // IMM
            case 0x20 -> bytes(p, k, size); // ABS
            case 0x40 -> bytes(p, x + k, size); // IND
            case 0x60 -> OptionalLong.of(mem[k & 15]); // MEM
            case 0x80 -> OptionalLong.of(len); // LEN
            case 0xa0 -> k >= 0 && k < p.length ? OptionalLong.of(4 * (p[k] & 0x0f)) : OptionalLong.empty(); // MSH
            default -> OptionalLong.empty();
        };
    }

    private static OptionalLong bytes(byte[] p, int off, int size) {
        int n = switch (size) {
            case 0x00 -> 4;
            case 0x08 -> 2;
            default -> 1;
        };
        if (off < 0 || off + n > p.length) {
            return OptionalLong.empty();
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (p[off + i] & 0xff);
        }
        return OptionalLong.of(v);
    }

    private static OptionalLong alu(int code, int a, int operand) {
        return switch (code & 0xf0) {
            case 0x00 -> OptionalLong.of(a + operand);
            case 0x10 -> OptionalLong.of(a - operand);
            case 0x20 -> OptionalLong.of(a * operand);
            case 0x30 -> operand == 0 ? OptionalLong.empty() : OptionalLong.of(Integer.divideUnsigned(a, operand));
            case 0x40 -> OptionalLong.of(a | operand);
            case 0x50 -> OptionalLong.of(a & operand);
            case 0x60 -> OptionalLong.of(a << operand);
            case 0x70 -> OptionalLong.of(a >>> operand);
            case 0x80 -> OptionalLong.of(-a);
            case 0x90 -> operand == 0 ? OptionalLong.empty() : OptionalLong.of(Integer.remainderUnsigned(a, operand));
            case 0xa0 -> OptionalLong.of(a ^ operand);
            default -> OptionalLong.empty();
        };
    }

    private static int jump(int code, int a, int operand, CbpfInsn in) {
        boolean taken = switch (code & 0xf0) {
            case 0x00 -> true;
            case 0x10 -> a == operand;
            case 0x20 -> Integer.compareUnsigned(a, operand) > 0;
            case 0x30 -> Integer.compareUnsigned(a, operand) >= 0;
            case 0x40 -> (a & operand) != 0;
            default -> false;
        };
        if ((code & 0xf0) == 0x00) {
            return in.k();
        }
        return taken ? in.jt() : in.jf();
    }
}
