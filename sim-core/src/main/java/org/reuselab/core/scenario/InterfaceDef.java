package org.reuselab.core.scenario;

import java.util.List;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.scenario.json.SourcePos;

/** An interface of the host under test with its addresses. */
public record InterfaceDef(String name, List<Prefix> addrs, SourcePos pos) {

    /** What a file gets without an {@code interfaces} field; {@code lo} is implicit and not listed. */
    public static final List<InterfaceDef> DEFAULTS = List.of(new InterfaceDef("eth0", List.of(
            new Prefix(IpAddr.parse("10.0.0.1"), 24), new Prefix(IpAddr.parse("fd00::1"), 64)), SourcePos.NONE));

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
