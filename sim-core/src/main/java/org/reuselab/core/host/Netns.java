package org.reuselab.core.host;

import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.model.Chooser;
import org.reuselab.core.model.Sysctls;
import org.reuselab.core.model.bind.BindTable;

/** The simulated network namespace of one run: its settings, addresses, tables and sockets. */
final class Netns {

    final KernelProfile profile;
    final Sysctls sysctls;
    final HostAddresses addresses;
    final BindTable binds = new BindTable();
    final SocketRegistry sockets = new SocketRegistry();
    final Chooser chooser;

    Netns(KernelProfile profile, HostAddresses addresses, Chooser chooser) {
        this.profile = profile;
        this.sysctls = new Sysctls(profile);
        this.addresses = addresses;
        this.chooser = chooser;
    }
}
