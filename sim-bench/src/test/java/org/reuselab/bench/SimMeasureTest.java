package org.reuselab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark workloads do what the tables say they measure (no timing is asserted). */
class SimMeasureTest {

    @Test
    void theHandshakeWorkloadEstablishesAndQueuesEveryConnection() {
        SimMeasure.HandshakeRun r = SimMeasure.handshakes(3_000, "6.18", true);
        assertEquals(3_000, r.connections());
        assertTrue(r.heapBytes() > 0, "queued connections hold heap");
    }

    @Test
    void theFtpCaseWalksEveryOwnerWhereTheFastPathNoLongerFires() {
        List<SimMeasure.BindWindow> newest = SimMeasure.ftp(1_000, "6.18", List.of(100, 1_000));
        // Binding socket k walks the k-1 owners before it: the window (900, 1000] walks 900..999.
        assertEquals((900 + 999) * 100 / 2, newest.get(1).ownersWalked());
        assertEquals(10, newest.get(0).to() - newest.get(0).from());
    }

    @Test
    void theFtpCaseWalksNoOwnerWhereTheFastPathFires() {
        for (String p : List.of("4.19", "6.1", "6.6")) {
            SimMeasure.ftp(500, p, List.of(500)).forEach(w -> assertEquals(0, w.ownersWalked(), p));
        }
    }

    @Test
    void plansAreNamed() {
        assertEquals("smoke", BenchPlan.named("smoke").name());
        assertEquals(4, BenchPlan.full().simHandshakes().size());
    }
}
