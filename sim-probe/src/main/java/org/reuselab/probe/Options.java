package org.reuselab.probe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.reuselab.core.net.CbpfInsn;
import org.reuselab.core.scenario.OptValue;
import org.reuselab.core.scenario.OptionSetting;
import org.reuselab.core.scenario.SockOpt;

/** The scenario's socket options as setsockopt()/getsockopt() levels, names and values (x86-64 Linux). */
final class Options {

    private static final int SO_REUSEADDR = 2;
    private static final int SO_REUSEPORT = 15;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_ATTACH_REUSEPORT_CBPF = 51;
    private static final int SO_DETACH_REUSEPORT_BPF = 68;
    private static final int IP_FREEBIND = 15;
    private static final int IP_TRANSPARENT = 19;
    private static final int IP_BIND_ADDRESS_NO_PORT = 24;
    private static final int IP_LOCAL_PORT_RANGE = 51;
    private static final int IPV6_V6ONLY = 26;
    private static final int IPV6_FREEBIND = 78;
    private static final int TCP_REPAIR = 19;

    private Options() {
    }

    /** Level and name of an option; the flag options and the range are plain ints. */
    private record Key(int level, int name) {
    }

    private static Key key(SockOpt opt) {
        return switch (opt) {
            case SO_REUSEADDR -> new Key(Sockets.SOL_SOCKET, SO_REUSEADDR);
            case SO_REUSEPORT -> new Key(Sockets.SOL_SOCKET, SO_REUSEPORT);
            case SO_BINDTODEVICE -> new Key(Sockets.SOL_SOCKET, SO_BINDTODEVICE);
            case SO_ATTACH_REUSEPORT_CBPF -> new Key(Sockets.SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF);
            case SO_DETACH_REUSEPORT_BPF -> new Key(Sockets.SOL_SOCKET, SO_DETACH_REUSEPORT_BPF);
            case IPV6_V6ONLY -> new Key(Sockets.IPPROTO_IPV6, IPV6_V6ONLY);
            case IPV6_FREEBIND -> new Key(Sockets.IPPROTO_IPV6, IPV6_FREEBIND);
            case IP_FREEBIND -> new Key(Sockets.IPPROTO_IP, IP_FREEBIND);
            case IP_TRANSPARENT -> new Key(Sockets.IPPROTO_IP, IP_TRANSPARENT);
            case IP_BIND_ADDRESS_NO_PORT -> new Key(Sockets.IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT);
            case IP_LOCAL_PORT_RANGE -> new Key(Sockets.IPPROTO_IP, IP_LOCAL_PORT_RANGE);
            case TCP_REPAIR -> new Key(Sockets.IPPROTO_TCP, TCP_REPAIR);
        };
    }

    static Libc.Sys set(int fd, OptionSetting setting) {
        Key k = key(setting.opt());
        return switch (setting.value()) {
            case OptValue.Flag f -> Sockets.setInt(fd, k.level(), k.name(), f.value());
            case OptValue.PortRange r -> Sockets.setInt(fd, k.level(), k.name(), (r.high() << 16) | r.low());
            case OptValue.Device d -> device(fd, k, d.name());
            case OptValue.Program p -> program(fd, k, p);
        };
    }

    /** SO_BINDTODEVICE takes the name's bytes; length 0 unbinds. */
    private static Libc.Sys device(int fd, Key k, String name) {
        try (Arena a = Arena.ofConfined()) {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            MemorySegment s = a.allocate(Math.max(1, bytes.length + 1));
            MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
            return Libc.setsockopt(fd, k.level(), k.name(), s, bytes.length);
        }
    }

    /** struct sock_fprog { unsigned short len; struct sock_filter *filter; } with 8-byte sock_filter entries. */
    private static Libc.Sys program(int fd, Key k, OptValue.Program p) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment insns = a.allocate(8L * Math.max(1, p.insns().size()), 8);
            for (int i = 0; i < p.insns().size(); i++) {
                CbpfInsn in = p.insns().get(i);
                insns.set(ValueLayout.JAVA_SHORT, 8L * i, (short) in.code());
                insns.set(ValueLayout.JAVA_BYTE, 8L * i + 2, (byte) in.jt());
                insns.set(ValueLayout.JAVA_BYTE, 8L * i + 3, (byte) in.jf());
                insns.set(ValueLayout.JAVA_INT, 8L * i + 4, in.k());
            }
            MemorySegment prog = a.allocate(16, 8);
            prog.set(ValueLayout.JAVA_SHORT, 0, (short) p.insns().size());
            prog.set(ValueLayout.ADDRESS, 8, insns);
            return Libc.setsockopt(fd, k.level(), k.name(), prog, 16);
        }
    }

    /** getsockopt of a flag option (the value, or the errno); empty for options that are not flags. */
    static java.util.Optional<Libc.Sys> get(int fd, SockOpt opt) {
        if (opt.kind() != SockOpt.Kind.FLAG) {
            return java.util.Optional.empty();
        }
        Key k = key(opt);
        return java.util.Optional.of(Sockets.getInt(fd, k.level(), k.name()));
    }
}
