package org.reuselab.probe.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host tool (apt-cache, apt-get, dpkg) to completion within a time limit and keeps its output. */
final class HostCommand {

    /** A finished command: exit status and its standard output and error. */
    record Result(int exit, String stdout, String stderr) {
        boolean ok() {
            return exit == 0;
        }
    }

    private HostCommand() {
    }

    static Result run(List<String> command, Path cwd, long timeoutSeconds) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("reuselab-cmd", ".out");
            err = Files.createTempFile("reuselab-cmd", ".err");
            Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new VmUnavailableException(command.get(0) + " did not finish within " + timeoutSeconds + " s: "
                        + String.join(" ", command));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VmUnavailableException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmUnavailableException("interrupted while running " + command.get(0), e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    /** The absolute path of a tool on PATH (or in the usual sbin directories), if there is one. */
    static java.util.Optional<Path> which(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return java.util.Optional.of(Path.of(dir, tool));
            }
        }
        return java.util.Optional.empty();
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
