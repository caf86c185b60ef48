package org.reuselab.probe;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.reuselab.core.model.conn.Segment;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.Family;
import org.reuselab.core.net.IpAddr;

/**
 * IPv4 and IPv6 TCP segments as they cross the TUN device: built for remote peers (IP and TCP
 * checksums included, no TCP options) and parsed from what the kernel sends.
 */
record Packet(Endpoint from, Endpoint to, String flags, long seq, long ack, int payload) {

    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    private static final int TCP_HDR = 20;
    private static final int WINDOW = 65535;

    /** Sequence space the segment uses: payload plus one for SYN and one for FIN. */
    long length() {
        return payload + (flags.indexOf('S') >= 0 ? 1 : 0) + (flags.indexOf('F') >= 0 ? 1 : 0);
    }

    @Override
    public String toString() {
        return from + " > " + to + " [" + flags + "] seq " + seq + " ack " + ack + (payload > 0 ? " len " + payload : "");
    }

    byte[] encode() {
        byte[] tcp = tcp();
        return from.addr().isV4() ? ipv4(tcp) : ipv6(tcp);
    }

    private byte[] tcp() {
        ByteBuffer b = ByteBuffer.allocate(TCP_HDR + payload);
        b.putShort((short) from.port()).putShort((short) to.port()).putInt((int) seq)
                .putInt(flags.indexOf('A') >= 0 ? (int) ack : 0);
        b.put((byte) (5 << 4)).put((byte) bits(flags)).putShort((short) WINDOW).putShort((short) 0).putShort((short) 0);
        byte[] out = b.array();
        int sum = checksum(pseudo(out.length), out);
        out[16] = (byte) (sum >> 8);
        out[17] = (byte) sum;
        return out;
    }

    private byte[] pseudo(int tcpLength) {
        if (from.addr().isV4()) {
            return ByteBuffer.allocate(12).put(bytes(from.addr())).put(bytes(to.addr())).put((byte) 0).put((byte) 6)
                    .putShort((short) tcpLength).array();
        }
        return ByteBuffer.allocate(40).put(bytes(from.addr())).put(bytes(to.addr())).putInt(tcpLength)
                .put(new byte[3]).put((byte) 6).array();
    }

    private byte[] ipv4(byte[] tcp) {
        ByteBuffer b = ByteBuffer.allocate(20 + tcp.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + tcp.length)).putShort((short) 0)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(bytes(from.addr())).put(bytes(to.addr()));
        byte[] out = b.array();
        int sum = checksum(new byte[0], java.util.Arrays.copyOf(out, 20));
        out[10] = (byte) (sum >> 8);
        out[11] = (byte) sum;
        System.arraycopy(tcp, 0, out, 20, tcp.length);
        return out;
    }

    private byte[] ipv6(byte[] tcp) {
        return ByteBuffer.allocate(40 + tcp.length).putInt(0x6000_0000).putShort((short) tcp.length).put((byte) 6)
                .put((byte) 64).put(bytes(from.addr())).put(bytes(to.addr())).put(tcp).array();
    }

    /** The parsed TCP segment, or empty for anything else (ICMP, MLD, router solicitations). */
    static Optional<Packet> parse(byte[] p) {
        if (p.length < 1) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(p);
        int version = (p[0] & 0xff) >> 4;
        IpAddr src;
        IpAddr dst;
        int tcpAt;
        int tcpLen;
        if (version == 4 && p.length >= 20 && p[9] == 6) {
            int ihl = (p[0] & 0x0f) * 4;
            src = IpAddr.v4(b.getInt(12));
            dst = IpAddr.v4(b.getInt(16));
            tcpAt = ihl;
            tcpLen = Short.toUnsignedInt(b.getShort(2)) - ihl;
        } else if (version == 6 && p.length >= 40 && p[6] == 6) {
            src = new IpAddr(Family.IPV6, b.getLong(8), b.getLong(16));
            dst = new IpAddr(Family.IPV6, b.getLong(24), b.getLong(32));
            tcpAt = 40;
            tcpLen = Short.toUnsignedInt(b.getShort(4));
        } else {
            return Optional.empty();
        }
        if (tcpLen < TCP_HDR || tcpAt + TCP_HDR > p.length) {
            return Optional.empty();
        }
        int sport = Short.toUnsignedInt(b.getShort(tcpAt));
        int dport = Short.toUnsignedInt(b.getShort(tcpAt + 2));
        long seq = Integer.toUnsignedLong(b.getInt(tcpAt + 4));
        long ack = Integer.toUnsignedLong(b.getInt(tcpAt + 8));
        int doff = ((p[tcpAt + 12] & 0xff) >> 4) * 4;
        int fl = p[tcpAt + 13] & 0xff;
        return Optional.of(new Packet(new Endpoint(src, sport), new Endpoint(dst, dport), letters(fl), seq, ack,
                Math.max(0, tcpLen - doff)));
    }

    private static int bits(String flags) {
        int f = 0;
        f |= flags.indexOf('F') >= 0 ? FIN : 0;
        f |= flags.indexOf('S') >= 0 ? SYN : 0;
        f |= flags.indexOf('R') >= 0 ? RST : 0;
        f |= flags.indexOf('P') >= 0 ? PSH : 0;
        f |= flags.indexOf('A') >= 0 ? ACK : 0;
        return f;
    }

    private static String letters(int bits) {
        StringBuilder sb = new StringBuilder();
        sb.append((bits & SYN) != 0 ? "S" : "").append((bits & FIN) != 0 ? "F" : "").append((bits & RST) != 0 ? "R" : "")
                .append((bits & PSH) != 0 ? "P" : "").append((bits & ACK) != 0 ? "A" : "");
        return Segment.canonical(sb.toString());
    }

    static byte[] bytes(IpAddr a) {
        if (a.isV4()) {
            return ByteBuffer.allocate(4).putInt(a.v4bits()).array();
        }
        return ByteBuffer.allocate(16).putLong(a.hi()).putLong(a.lo()).array();
    }

    /** The Internet checksum (RFC 1071) over {@code pseudo} then {@code data}. */
    static int checksum(byte[] pseudo, byte[] data) {
        long sum = 0;
        for (byte[] part : new byte[][] {pseudo, data}) {
            for (int i = 0; i < part.length; i += 2) {
                int hi = part[i] & 0xff;
                int lo = i + 1 < part.length ? part[i + 1] & 0xff : 0;
                sum += (hi << 8) | lo;
            }
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
