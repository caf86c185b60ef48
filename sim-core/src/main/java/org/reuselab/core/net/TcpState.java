package org.reuselab.core.net;

/** TCP states as {@code ss} prints them. */
public enum TcpState {
    CLOSE("UNCONN"),
    LISTEN("LISTEN"),
    SYN_SENT("SYN-SENT"),
    SYN_RECV("SYN-RECV"),
    ESTABLISHED("ESTAB"),
    FIN_WAIT1("FIN-WAIT-1"),
    FIN_WAIT2("FIN-WAIT-2"),
    CLOSE_WAIT("CLOSE-WAIT"),
    CLOSING("CLOSING"),
    LAST_ACK("LAST-ACK"),
    TIME_WAIT("TIME-WAIT"),
    NEW_SYN_RECV("SYN-RECV");

    private final String ssName;

    TcpState(String ssName) {
        this.ssName = ssName;
    }

    /** The column {@code ss -tan} prints. */
    public String ssName() {
        return ssName;
    }
}
