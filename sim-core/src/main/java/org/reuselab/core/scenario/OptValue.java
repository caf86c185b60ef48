package org.reuselab.core.scenario;

import java.util.List;

/** The value given to a socket option. */
public sealed interface OptValue {

    /** 0 or 1 (any integer for flags, as setsockopt takes it). */
    record Flag(int value) implements OptValue {
        public boolean on() {
            return value != 0;
        }

        @Override
        public String toString() {
            return Integer.toString(value);
        }
    }

    /** An interface name; empty unbinds. */
    record Device(String name) implements OptValue {
        @Override
        public String toString() {
            return "\"" + name + "\"";
        }
    }

    /** IP_LOCAL_PORT_RANGE [low, high]; 0 leaves a bound open. */
    record PortRange(int low, int high) implements OptValue {
        @Override
        public String toString() {
            return "[" + low + "," + high + "]";
        }
    }

    /** A classic BPF program for SO_ATTACH_REUSEPORT_CBPF. */
    record Program(List<CbpfInsn> insns) implements OptValue {
        public Program {
            insns = List.copyOf(insns);
        }

        @Override
        public String toString() {
            if (insns.size() == 1 && insns.get(0).code() == CbpfInsn.RET_K) {
                return "{return " + Integer.toUnsignedString(insns.get(0).k()) + "}";
            }
            return "{" + insns.size() + " insns}";
        }
    }

    /** One classic BPF instruction {code, jt, jf, k}. */
    record CbpfInsn(int code, int jt, int jf, int k) {
        /** BPF_RET | BPF_K. */
        public static final int RET_K = 0x06;
    }
}
