package org.reuselab.core.model.sock;

import org.reuselab.core.net.Endpoint;

/** What the established hash holds for a 4-tuple: a socket, a SYN-RECV request, or a TIME_WAIT record. */
public sealed interface EhashEntry permits SimSocket, RequestSock, TimeWaitSock {

    Endpoint localEnd();

    Endpoint remoteEnd();
}
