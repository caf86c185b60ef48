package org.reuselab.core.model.conn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reuselab.core.model.sock.EhashEntry;
import org.reuselab.core.model.sock.RequestSock;
import org.reuselab.core.net.Endpoint;
import org.reuselab.core.net.FourTuple;
import org.reuselab.core.net.IpAddr;

/** The open-addressing established hash behaves as a map of 4-tuples, whatever the order of puts and removes. */
class EhashTest {

    private static final Endpoint LOCAL = new Endpoint(IpAddr.parse("10.0.0.1"), 80);

    private static RequestSock entry(int peer, int port) {
        return new RequestSock(null, LOCAL, new Endpoint(IpAddr.v4(0x0a000000 | peer), port), 0, 0);
    }

    @Test
    void randomPutsAndRemovesAgreeWithAMap() {
        SplittableRandom rnd = new SplittableRandom(7);
        Ehash table = new Ehash();
        Map<FourTuple, EhashEntry> model = new HashMap<>();
        List<RequestSock> live = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            if (live.isEmpty() || rnd.nextInt(3) > 0) {
                RequestSock e = entry(rnd.nextInt(1, 40), rnd.nextInt(1024, 1400));
                table.put(e);
                model.put(new FourTuple(e.localEnd(), e.remoteEnd()), e);
                live.add(e);
            } else {
                RequestSock e = live.remove(rnd.nextInt(live.size()));
                table.remove(e);
                model.remove(new FourTuple(e.localEnd(), e.remoteEnd()), e);
            }
        }
        assertEquals(model.size(), table.size());
        for (int peer = 1; peer < 40; peer++) {
            for (int port = 1024; port < 1400; port++) {
                Endpoint remote = new Endpoint(IpAddr.v4(0x0a000000 | peer), port);
                assertSame(model.get(new FourTuple(LOCAL, remote)), table.get(LOCAL, remote), remote.toString());
            }
        }
        assertEquals(model.size(), table.all().size());
    }

    @Test
    void removingAStaleEntryKeepsTheNewOne() {
        Ehash table = new Ehash();
        RequestSock old = entry(2, 5000);
        RequestSock now = entry(2, 5000);
        table.put(old);
        table.put(now);
        table.remove(old);
        assertSame(now, table.get(LOCAL, now.remoteEnd()));
        table.remove(now);
        assertNull(table.get(LOCAL, now.remoteEnd()));
        assertEquals(0, table.size());
    }

    @Test
    void allIsOrderedByLocalThenRemote() {
        Ehash table = new Ehash();
        for (int port = 2000; port > 1000; port -= 7) {
            table.put(entry(3, port));
        }
        List<EhashEntry> all = table.all();
        for (int i = 1; i < all.size(); i++) {
            assertEquals(-1, Integer.signum(all.get(i - 1).remoteEnd().compareTo(all.get(i).remoteEnd())));
        }
    }
}
