package org.reuselab.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reuselab.core.net.TcpState;

/** The invariant checker holds on a sound namespace and names what a broken one breaks. */
class HostInvariantsTest {

    private static TestHost twoListeners() {
        TestHost h = new TestHost("6.18");
        h.socket("a", "RP");
        h.bind("a", "10.0.0.1:5000");
        h.listen("a");
        h.socket("b", "RP");
        h.bind("b", "10.0.0.1:5000");
        h.listen("b");
        return h;
    }

    @Test
    void aSoundNamespaceBreaksNothing() {
        assertEquals(List.of(), HostInvariants.check(twoListeners().ns));
    }

    @Test
    void aGroupMemberThatNoLongerListensIsCaught() {
        TestHost h = twoListeners();
        h.sock("b").setState(TcpState.CLOSE);
        List<String> broken = HostInvariants.check(h.ns);
        assertTrue(broken.stream().anyMatch(x -> x.contains("lists b") && x.contains("not a listener")), broken.toString());
    }

    @Test
    void anOwnerMarkedBoundOutsideEveryBucketIsCaught() {
        TestHost h = new TestHost("6.18");
        h.socket("a");
        h.bind("a", "10.0.0.1:5000");
        h.ns.binds.release(h.sock("a"), h.ns.profile);
        h.sock("a").setHashedInBindTable(true);
        List<String> broken = HostInvariants.check(h.ns);
        assertTrue(broken.stream().anyMatch(x -> x.contains("marked bound but is in no bind bucket")), broken.toString());
    }
}
