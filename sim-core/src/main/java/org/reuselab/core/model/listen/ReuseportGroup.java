package org.reuselab.core.model.listen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reuselab.core.model.sock.ReuseportCb;
import org.reuselab.core.model.sock.SimSocket;
import org.reuselab.core.net.CbpfProgram;

/**
 * A reuseport group (struct sock_reuseport, net/core/sock_reuseport.c): listening members in
 * array order, and the closed section that keeps shut-down members for migration (5.14+). The
 * kernel keeps both in one array, the closed section at its end, growing towards the front
 * (socks[max_socks - num_closed_socks .. max_socks - 1]); {@link #closed()} lists it in that order.
 */
public final class ReuseportGroup implements ReuseportCb {

    private final int id;
    private final List<SimSocket> socks = new ArrayList<>();
    private final List<SimSocket> closed = new ArrayList<>();
    private Optional<CbpfProgram> program = Optional.empty();

    public ReuseportGroup(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** Listening members, socks[0 .. num_socks-1]. */
    public List<SimSocket> socks() {
        return socks;
    }

    /**
     * The closed section in array order: a member that stops listening is put in front
     * (__reuseport_add_closed_sock()), so it starts with the most recently closed one, until a
     * member leaves the section ({@link #removeClosed}).
     */
    public List<SimSocket> closed() {
        return java.util.Collections.unmodifiableList(closed);
    }

    @Override
    public int numClosedSocks() {
        return closed.size();
    }

    public Optional<CbpfProgram> program() {
        return program;
    }

    public void setProgram(Optional<CbpfProgram> prog) {
        program = prog;
    }

    /** reuseport_add_sock(): appended, so array order is listen order. */
    void add(SimSocket s) {
        socks.add(s);
        s.setReuseportGroup(this);
    }

    /**
     * reuseport_detach_sock(): out of the closed section if it is there, else out of the listening
     * one (__reuseport_detach_sock(): the last member is copied into the leaver's slot).
     */
    void detach(SimSocket s) {
        if (!removeClosed(s)) {
            removeBySwap(s);
        }
        s.setReuseportGroup(null);
    }

    /** reuseport_stop_listen_sock() with migration: leave the listening section, join the closed one. */
    void stopListen(SimSocket s) {
        removeBySwap(s);
        closed.addFirst(s);
    }

    /** reuseport_resurrect() within the group: out of the closed section, appended to the listening one. */
    void resurrect(SimSocket s) {
        removeClosed(s);
        socks.add(s);
    }

    boolean isEmpty() {
        return socks.isEmpty() && closed.isEmpty();
    }

    /**
     * __reuseport_detach_closed_sock(): the closed section shrinks from its front, whose member
     * is copied into the leaver's slot (6.12 and mainline). False if {@code s} is not in it.
     */
    private boolean removeClosed(SimSocket s) {
        int i = closed.indexOf(s);
        if (i < 0) {
            return false;
        }
        SimSocket front = closed.removeFirst();
        if (front != s) {
            closed.set(i - 1, front);
        }
        return true;
    }

    private void removeBySwap(SimSocket s) {
        int i = socks.indexOf(s);
        if (i < 0) {
            return;
        }
        SimSocket last = socks.removeLast();
        if (last != s) {
            socks.set(i, last);
        }
    }

    @Override
    public String toString() {
        return "group " + id + " [" + String.join(", ", socks.stream().map(SimSocket::name).toList()) + "]"
                + (closed.isEmpty() ? "" : " closed [" + String.join(", ", closed.stream().map(SimSocket::name).toList())
                        + "]")
                + program.map(p -> " prog " + p).orElse("");
    }
}
