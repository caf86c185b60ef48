package org.reuselab.core.scenario;

/** The port part of a scenario address: a number, {@code $sock}, or a range {@code lo-hi}. */
public sealed interface PortSpec {

    /** A literal port; 0 asks the kernel to choose. */
    record Literal(int port) implements PortSpec {
        public Literal {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range 0-65535: " + port);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(port);
        }
    }

    /** {@code $name}: the local port socket {@code name} has at the time the step runs. */
    record SocketPort(String socket) implements PortSpec {
        @Override
        public String toString() {
            return "$" + socket;
        }
    }

    /** {@code lo-hi}: source ports of many remote peers, inclusive. */
    record Range(int low, int high) implements PortSpec {
        public Range {
            if (low < 1 || high > 65535 || low > high) {
                throw new IllegalArgumentException("bad port range " + low + "-" + high);
            }
        }

        public int size() {
            return high - low + 1;
        }

        @Override
        public String toString() {
            return low + "-" + high;
        }
    }
}
