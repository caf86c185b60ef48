package org.reuselab.probe;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.reuselab.core.scenario.InterfaceDef;

/**
 * Builds the scenario's host inside the namespace: {@code lo} up, one TUN device per interface of
 * the scenario with its addresses (IPv6 without DAD), and sysctls written through /proc/sys from
 * the namespace thread (which resolves to that thread's namespace, never the host's).
 */
final class NamespaceSetup {

    private static final List<String> IP_PATHS = List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip");
    private static final List<String> NSENTER_PATHS = List.of("/usr/bin/nsenter", "/usr/sbin/nsenter", "/bin/nsenter",
            "/sbin/nsenter");
    private static final long IP_TIMEOUT_MS = 10_000;
    /** How long an IPv6 address may take to get its local route before the run goes on regardless. */
    private static final long LOCAL_ROUTE_WAIT_MS = 2_000;
    /** RTF_LOCAL in the flags column of /proc/net/ipv6_route. */
    private static final long RTF_LOCAL = 0x80000000L;

    private NamespaceSetup() {
    }

    /** Why iproute2 or nsenter cannot be used, if so. */
    static Optional<String> toolsMissing() {
        if (find(IP_PATHS).isEmpty()) {
            return Optional.of(NetnsThread.NEEDS + " and iproute2 ('ip' not found; apt-get install iproute2)");
        }
        if (find(NSENTER_PATHS).isEmpty()) {
            return Optional.of(NetnsThread.NEEDS + " and nsenter (util-linux; not found)");
        }
        return Optional.empty();
    }

    private static Optional<String> find(List<String> paths) {
        return paths.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }

    /** Opens the TUN devices and configures links and addresses; the caller closes the devices. */
    static List<Tun> interfaces(List<InterfaceDef> defs) {
        toolsMissing().ifPresent(m -> {
            throw new ProbeUnavailableException(m);
        });
        List<Tun> tuns = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        batch.add("link set dev lo up");
        try {
            for (InterfaceDef d : defs) {
                tuns.add(Tun.open(d.name()));
                batch.add("link set dev " + d.name() + " up");
                for (InterfaceDef.Prefix p : d.addrs()) {
                    batch.add("addr add " + p + " dev " + d.name() + (p.addr().isV4() ? "" : " nodad"));
                }
            }
            ip(batch);
            awaitIpv6LocalRoutes(defs);
        } catch (RuntimeException e) {
            tuns.forEach(Tun::close);
            throw e;
        }
        return tuns;
    }

    /**
     * An IPv6 address added with nodad is usable only once the kernel's DAD work item has run
     * (addrconf_dad_start() defers to addrconf_dad_work(), which inserts the address's local route
     * in addrconf_dad_completed(); 6.12 net/ipv6/addrconf.c). Until then a segment to it is not
     * delivered, so on a busy machine the first SYN of a run could go unanswered. Waits, polling
     * this thread's /proc/thread-self/net/ipv6_route, until every IPv6 address has its local route.
     */
    private static void awaitIpv6LocalRoutes(List<InterfaceDef> defs) {
        List<String> wanted = new ArrayList<>();
        for (InterfaceDef d : defs) {
            for (InterfaceDef.Prefix p : d.addrs()) {
                if (!p.addr().isV4()) {
                    wanted.add(String.format("%016x%016x", p.addr().hi(), p.addr().lo()));
                }
            }
        }
        long deadline = System.nanoTime() + LOCAL_ROUTE_WAIT_MS * 1_000_000L;
        while (!wanted.isEmpty() && System.nanoTime() < deadline) {
            Optional<List<String>> routes = localRoutes();
            if (routes.isEmpty()) {
                return;
            }
            wanted.removeAll(routes.get());
            if (!wanted.isEmpty()) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
            }
        }
    }

    /** The destinations of the local (RTF_LOCAL, /128) routes in this thread's namespace, if readable. */
    private static Optional<List<String>> localRoutes() {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/thread-self/net/ipv6_route"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 9 && f[1].equals("80") && (Long.parseLong(f[8], 16) & RTF_LOCAL) != 0) {
                    out.add(f[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // No IPv6 in this kernel, or a format we do not know: nothing to wait for.
            return Optional.empty();
        }
        return Optional.of(out);
    }

    /** Runs {@code ip -batch -} in this thread's namespace (nsenter on /proc/PID/task/TID/ns/net). */
    static void ip(List<String> commands) {
        String ns = "/proc/" + ProcessHandle.current().pid() + "/task/" + NetnsThread.tid() + "/ns/net";
        ProcessBuilder pb = new ProcessBuilder(find(NSENTER_PATHS).orElseThrow(), "--net=" + ns,
                find(IP_PATHS).orElseThrow(), "-batch", "-").redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(IP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ProbeException("ip -batch did not finish within " + IP_TIMEOUT_MS + " ms");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new ProbeException("configuring the namespace failed (ip -batch exit " + p.exitValue() + "): "
                        + out);
            }
        } catch (IOException e) {
            throw new ProbeException("cannot run ip: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted while configuring the namespace", e);
        }
    }

    /** The file of a sysctl by its {@code sysctl -a} name. */
    static String sysctlPath(String name) {
        return "/proc/sys/" + name.replace('.', '/');
    }

    /**
     * Writes a sysctl from the calling (namespace) thread with open/write/close, so a rejected
     * value reports the kernel's errno; returns 0 or the errno.
     */
    static int writeSysctl(String name, String value) {
        try (Arena a = Arena.ofConfined()) {
            Libc.Sys fd = Libc.open(a.allocateFrom(sysctlPath(name)), Libc.O_WRONLY | Libc.O_CLOEXEC, 0);
            if (fd.failed()) {
                return fd.errno();
            }
            try {
                byte[] bytes = (value + "\n").getBytes(StandardCharsets.US_ASCII);
                MemorySegment s = a.allocate(bytes.length);
                MemorySegment.copy(bytes, 0, s, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
                Libc.Sys w = Libc.write(fd.fd(), s, bytes.length);
                return w.failed() ? w.errno() : 0;
            } finally {
                Libc.close(fd.fd());
            }
        }
    }
}
