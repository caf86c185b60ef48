package org.reuselab.core.host;

import java.util.ArrayDeque;
import java.util.Deque;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.model.Chooser;
import org.reuselab.core.model.Sysctls;
import org.reuselab.core.model.bind.BindTable;
import org.reuselab.core.model.bind.ConnectPortFinder;
import org.reuselab.core.model.conn.Ehash;
import org.reuselab.core.model.conn.Segment;
import org.reuselab.core.model.hash.EhashFunction;
import org.reuselab.core.model.hash.FlowPicker;
import org.reuselab.core.model.hash.SimFlowPicker;
import org.reuselab.core.model.listen.ListenerSelector;
import org.reuselab.core.model.listen.ListeningTable;
import org.reuselab.core.model.time.Timers;

/** The simulated network namespace of one run: its settings, addresses, tables, clock and sockets. */
final class Netns {

    final KernelProfile profile;
    final Sysctls sysctls;
    final HostAddresses addresses;
    final BindTable binds = new BindTable();
    final SocketRegistry sockets = new SocketRegistry();
    final Chooser chooser;
    final Ehash ehash = new Ehash();
    final ListeningTable listening;
    final ListenerSelector selector;
    final FlowPicker flows;
    final Timers<TimerAction> timers = new Timers<>();
    final ConnectPortFinder connectSearch;
    final StepLog log;
    final CostMeter cost = new CostMeter();
    /** Segments between sockets of this host, delivered in order (loopback is synchronous). */
    final Deque<Segment> loopback = new ArrayDeque<>();

    Netns(KernelProfile profile, HostAddresses addresses, Chooser chooser) {
        this(profile, addresses, chooser, null, TraceDetail.FULL);
    }

    /** {@code flowPicker} null: the simulator's own, with secrets drawn from the chooser. */
    Netns(KernelProfile profile, HostAddresses addresses, Chooser chooser, FlowPicker flowPicker,
            TraceDetail detail) {
        this.profile = profile;
        this.log = new StepLog(detail);
        this.sysctls = new Sysctls(profile);
        this.addresses = addresses;
        this.chooser = chooser;
        this.listening = new ListeningTable(profile);
        // The boot's secrets and the namespace's mix are drawn once, first.
        int secret = chooser.bits32(Chooser.Draw.EHASH_SECRET);
        int ipv6Secret = chooser.bits32(Chooser.Draw.EHASH_SECRET);
        int mix = chooser.bits32(Chooser.Draw.NET_HASH_MIX);
        this.flows = flowPicker != null ? flowPicker
                : new SimFlowPicker(new EhashFunction(profile.ehashForm(), secret, ipv6Secret, mix));
        this.selector = new ListenerSelector(listening, profile, flows);
        this.connectSearch = new ConnectPortFinder(profile, chooser);
    }

    long now() {
        return timers.nowMs();
    }
}
