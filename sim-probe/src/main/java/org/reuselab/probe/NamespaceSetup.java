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
        } catch (RuntimeException e) {
            tuns.forEach(Tun::close);
            throw e;
        }
        return tuns;
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
