package org.reuselab.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;
import org.reuselab.core.net.TcpState;

/**
 * The {@code dump} step on the real kernel: the namespace's TCP sockets like {@code ss -tan}, read
 * from /proc/thread-self/net/tcp{,6} (/proc/net is the process leader's namespace, not this thread's),
 * named by matching socket inodes with the scenario's descriptors.
 */
final class Dumper {

    private static final String FORMAT = "%-11s %6s %6s %-26s %-26s %s";

    private static final List<String> COUNTERS = List.of("ListenOverflows", "ListenDrops", "TCPReqQFullDrop",
            "TCPReqQFullDoCookies", "TCPMigrateReqSuccess", "TCPMigrateReqFailure");

    private final SocketTable table;

    Dumper(SocketTable table) {
        this.table = table;
    }

    List<String> lines() {
        Map<Long, ProbeSocket> byInode = inodes();
        List<String> out = new ArrayList<>();
        out.add(String.format(FORMAT, "State", "Recv-Q", "Send-Q", "Local", "Peer", "name"));
        for (String file : List.of("tcp", "tcp6")) {
            for (String line : read(Path.of("/proc/thread-self/net/" + file), true)) {
                out.add(format(line.trim().split("\\s+"), byInode, file.equals("tcp6")));
            }
        }
        out.add(counters());
        return out;
    }

    /** The namespace's TcpExt counters that say what happened to connections (/proc/thread-self/net/netstat). */
    private static String counters() {
        List<String> lines = read(Path.of("/proc/thread-self/net/netstat"), false);
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String names = lines.get(i - 1);
            if (names.startsWith("TcpExt:") && lines.get(i).startsWith("TcpExt:") && i % 2 == 1) {
                String[] n = names.split("\\s+");
                String[] v = lines.get(i).split("\\s+");
                for (int k = 1; k < Math.min(n.length, v.length); k++) {
                    values.put(n[k], v[k]);
                }
            }
        }
        StringBuilder sb = new StringBuilder("netstat");
        for (String c : COUNTERS) {
            sb.append(' ').append(c).append('=').append(values.getOrDefault(c, "?"));
        }
        return sb.toString();
    }

    private static List<String> read(Path p, boolean skipHeader) {
        try {
            List<String> all = Files.readAllLines(p);
            return skipHeader ? all.subList(Math.min(1, all.size()), all.size()) : all;
        } catch (IOException e) {
            throw new ProbeException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private String format(String[] f, Map<Long, ProbeSocket> byInode, boolean v6) {
        TcpState state = Sockets.state(Integer.parseInt(f[3], 16));
        String[] queues = f[4].split(":");
        long txQ = Long.parseLong(queues[0], 16);
        long rxQ = Long.parseLong(queues[1], 16);
        ProbeSocket named = byInode.get(Long.parseLong(f[9]));
        if (state == TcpState.LISTEN && named != null) {
            txQ = Sockets.tcpInfo(named.fd).sacked();
        }
        Endpoint local = endpoint(f[1], v6);
        String peer = state == TcpState.LISTEN ? (v6 ? "[::]:*" : "0.0.0.0:*") : endpoint(f[2], v6).toString();
        return String.format(FORMAT, state.ssName(), rxQ, txQ, local, peer,
                (named == null ? "-" : named.name) + " uid " + f[7]);
    }

    /** {@code 0100007F:1388}: the address as the kernel's 32-bit words in host (little-endian) order. */
    static Endpoint endpoint(String text, boolean v6) {
        String[] parts = text.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String hex = parts[0];
        if (!v6) {
            return new Endpoint(IpAddr.v4(Integer.reverseBytes((int) Long.parseLong(hex, 16))), port);
        }
        long[] words = new long[4];
        for (int i = 0; i < 4; i++) {
            words[i] = Integer.toUnsignedLong(Integer.reverseBytes((int) Long.parseLong(hex.substring(8 * i, 8 * i + 8),
                    16)));
        }
        return new Endpoint(new IpAddr(Family.IPV6, (words[0] << 32) | words[1], (words[2] << 32) | words[3]), port);
    }

    private Map<Long, ProbeSocket> inodes() {
        Map<Long, ProbeSocket> out = new HashMap<>();
        for (ProbeSocket s : table.all()) {
            try {
                String link = Files.readSymbolicLink(Path.of("/proc/thread-self/fd/" + s.fd)).toString();
                if (link.startsWith("socket:[")) {
                    out.put(Long.parseLong(link.substring(8, link.length() - 1)), s);
                }
            } catch (IOException e) {
                throw new ProbeException("cannot read the descriptor of " + s.name + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
