package org.reuselab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.reuselab.core.net.Endpoint;

/** Segments as they cross the TUN device, and /proc/net/tcp addresses; no root needed. */
class PacketTest {

    @Test
    void encode_thenParse_roundTripsV4AndV6() {
        for (String[] ends : new String[][] {{"10.0.0.2:40000", "10.0.0.1:8080"}, {"[fd00::2]:40000", "[fd00::1]:80"}}) {
            Packet p = new Packet(Endpoint.parse(ends[0]), Endpoint.parse(ends[1]), "PA", 4_000_000_000L, 7, 10);
            assertEquals(p, Packet.parse(p.encode()).orElseThrow());
        }
    }

    @Test
    void checksum_ofEncodedIpv4Header_verifiesToZero() {
        byte[] pkt = new Packet(Endpoint.parse("10.0.0.2:1"), Endpoint.parse("10.0.0.1:2"), "S", 1, 0, 0).encode();
        assertEquals(0, Packet.checksum(new byte[0], java.util.Arrays.copyOf(pkt, 20)));
    }

    @Test
    void checksum_ofEncodedTcpSegment_verifiesToZeroWithPseudoHeader() {
        byte[] pkt = new Packet(Endpoint.parse("10.0.0.2:1"), Endpoint.parse("10.0.0.1:2"), "SA", 1, 2, 3).encode();
        byte[] tcp = java.util.Arrays.copyOfRange(pkt, 20, pkt.length);
        byte[] pseudo = {10, 0, 0, 2, 10, 0, 0, 1, 0, 6, 0, (byte) tcp.length};
        assertEquals(0, Packet.checksum(pseudo, tcp));
    }

    @Test
    void procNetTcp_addresses_parseInKernelSyntax() {
        assertEquals("127.0.0.1:5000", Dumper.endpoint("0100007F:1388", false).toString());
        assertEquals("[::1]:80", Dumper.endpoint("00000000000000000000000001000000:0050", true).toString());
        assertEquals("[::ffff:127.0.0.1]:80", Dumper.endpoint("0000000000000000FFFF00000100007F:0050", true).toString());
    }
}
