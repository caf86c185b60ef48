package org.reuselab.core.fuzz;

import java.util.List;
import org.reuselab.core.net.Family;
import org.reuselab.core.scenario.SockOpt;
import org.reuselab.core.scenario.Step;

/**
 * Takes the generator's steps one call at a time and builds one form of the scenario: the
 * records the simulator runs ({@link ScenarioRecords}) or the file that stands for them
 * ({@link ScenarioJson}). Both are built from the same draws, so they are the same scenario.
 */
interface ScenarioBuilder<T> {

    /** An address as a file writes it: {@code ip:port}, an IPv6 ip in brackets. */
    record Addr(String ip, int port) {
        @Override
        public String toString() {
            return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
        }
    }

    void socket(String sock, Family family, int uid, List<SockOpt> flagsOn);

    void setsockopt(String sock, SockOpt flag, int value);

    void bind(String sock, Addr addr);

    void listen(String sock, int backlog);

    void connect(String sock, Addr to, int timeoutMs);

    void close(String sock);

    void accept(String sock);

    void shutdown(String sock, Step.How how);

    void handshake(Addr from, Addr to);

    void send(Addr from, Addr to, String flags);

    /** The scenario of these steps, named for its seed. */
    T build(long seed);
}
