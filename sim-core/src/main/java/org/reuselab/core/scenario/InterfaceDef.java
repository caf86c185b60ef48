package org.reuselab.core.scenario;

import java.util.List;
import org.reuselab.core.net.IpAddr;

/** An interface of the host under test with its addresses. */
public record InterfaceDef(String name, List<Prefix> addrs, SourcePos pos) {

    public InterfaceDef {
        addrs = List.copyOf(addrs);
    }

    /** An address with its prefix length, as {@code ip addr add} takes it. */
    public record Prefix(IpAddr addr, int length) {
        public Prefix {
            int max = addr.isV4() ? 32 : 128;
            if (length < 0 || length > max) {
                throw new IllegalArgumentException("prefix length " + length + " out of range 0-" + max);
            }
        }

        public boolean contains(IpAddr other) {
            return other.inPrefix(addr, length);
        }

        @Override
        public String toString() {
            return addr + "/" + length;
        }
    }
}
