package org.reuselab.probe.vm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the guest runs: a program with its arguments, in a working directory (a host path: the
 * guest sees the host's tree), with an environment; {@code outputs} are host directories the
 * command writes, mounted writable at their own paths.
 */
public record GuestCommand(Path cwd, Map<String, String> env, List<String> argv, List<Path> outputs) {

    public GuestCommand {
        env = Map.copyOf(env);
        argv = List.copyOf(argv);
        outputs = List.copyOf(outputs);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("guest command: no program");
        }
    }

    /** The shell script the guest's init runs (with /bin/sh of the host's root). */
    String script() {
        StringBuilder s = new StringBuilder("cd ").append(quote(cwd.toString())).append(" || exit 125\n");
        env.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> s.append("export ").append(e.getKey()).append('=').append(quote(e.getValue())).append('\n'));
        s.append("exec ").append(argv.stream().map(GuestCommand::quote).collect(Collectors.joining(" "))).append('\n');
        return s.toString();
    }

    /** A POSIX shell word: single quotes, with each ' written as '\''. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
