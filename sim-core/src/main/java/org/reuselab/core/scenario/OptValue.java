package org.reuselab.core.scenario;

import java.util.List;
import org.reuselab.core.net.CbpfInsn;
import org.reuselab.core.net.CbpfProgram;

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
    record Program(CbpfProgram program) implements OptValue {
        public List<CbpfInsn> insns() {
            return program.insns();
        }

        @Override
        public String toString() {
            return program.toString();
        }
    }
}
