package org.reuselab.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reuselab.core.detect.Detection;
import org.reuselab.core.detect.Detector;
import org.reuselab.core.detect.FeatureFinding;
import org.reuselab.core.detect.Probe;
import org.reuselab.core.detect.Probes;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.kernel.Feature;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.trace.Trace;

/**
 * Runs every probe on this machine's kernel and decides its features ({@link Detector}). The
 * findings are kept for the rest of the boot (in {@code ~/.cache/reuselab/detect}, keyed by the
 * release, the boot id and this build's probes and model), so that each command does not probe
 * again; a reboot, another kernel or another build of reuselab probes anew.
 */
public final class HostDetection {

    private static Detection running;

    private HostDetection() {
    }

    /** The running kernel's detection: from this boot's cache, or probed now (a few seconds). */
    public static synchronized Detection ofRunningKernel() {
        if (running == null) {
            LinuxHost host = new LinuxHost();
            KernelProfile line = KernelProfiles.forRelease(host.release());
            Optional<Path> cache = cacheFile(host.release());
            Optional<List<FeatureFinding>> cached = cache.flatMap(HostDetection::readCache);
            if (cached.isPresent()) {
                running = Detector.conclude(host.release(), line, cached.get());
            } else {
                running = detect(host);
                cache.ifPresent(c -> writeCache(c, running.findings()));
            }
        }
        return running;
    }

    /** Probes the running kernel now, whatever the cache holds, and keeps the findings for this boot. */
    public static synchronized Detection detectAnew() {
        LinuxHost host = new LinuxHost();
        running = detect(host);
        cacheFile(host.release()).ifPresent(c -> writeCache(c, running.findings()));
        return running;
    }

    /** Probes now, whatever the cache holds. */
    public static Detection detect(LinuxHost host) {
        Map<Probe, Trace> real = new LinkedHashMap<>();
        for (Probe p : Probes.all()) {
            real.put(p, host.run(p.scenario(), RunOptions.defaults()));
        }
        return Detector.decide(host.release(), KernelProfiles.forRelease(host.release()), real);
    }

    private static Optional<Path> cacheFile(String release) {
        try {
            String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
            String home = System.getenv("XDG_CACHE_HOME");
            Path base = home != null && !home.isEmpty() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".cache");
            return Optional.of(base.resolve("reuselab").resolve("detect")
                    .resolve(release + "-" + boot + "-" + buildFingerprint() + ".txt"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What a finding depends on besides the kernel: the probe files, the profiles, and the model's classes. */
    private static String buildFingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Probe p : Probes.all()) {
                md.update((p.feature().key() + "\n" + p.text()).getBytes(StandardCharsets.UTF_8));
            }
            for (KernelProfile k : KernelProfiles.allNamed()) {
                md.update(KernelProfiles.fileText(k.name()).getBytes(StandardCharsets.UTF_8));
            }
            Path code = Path.of(Detector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            md.update((code + "@" + Files.getLastModifiedTime(code).toMillis()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException | IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot fingerprint this build: " + e.getMessage(), e);
        }
    }

    /** One line per finding: {@code feature=value|value}. */
    private static Optional<List<FeatureFinding>> readCache(Path file) {
        try {
            List<FeatureFinding> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                Optional<Feature> f = eq < 0 ? Optional.empty() : Feature.byKey(line.substring(0, eq));
                Optional<Probe> p = f.flatMap(Probes::of);
                if (p.isEmpty()) {
                    return Optional.empty();
                }
                String values = line.substring(eq + 1);
                out.add(new FeatureFinding(f.get(), "scenarios/" + p.get().file(),
                        values.isEmpty() ? List.of() : Arrays.asList(values.split("\\|"))));
            }
            return out.size() == Probes.all().size() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void writeCache(Path file, List<FeatureFinding> findings) {
        StringBuilder sb = new StringBuilder();
        for (FeatureFinding f : findings) {
            sb.append(f.feature().key()).append('=').append(String.join("|", f.agreeing())).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "detect", ".tmp");
            Files.writeString(tmp, sb.toString());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // A cache that cannot be written only means probing again next time.
        }
    }
}
