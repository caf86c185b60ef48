package org.reuselab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code reuselab check FILE...}: validates scenario files without running them. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate scenario files: every error of every file, as file:line:col: error: ... at /path.",
        footer = {"", "Example:", "  reuselab check scenarios/bind/*.json"})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario files")
    List<Path> files;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        var read = ScenarioFiles.readAll(files, err);
        if (read.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        read.get().forEach(s -> out.println("ok " + s.file()));
        out.flush();
        return ExitCodes.OK;
    }
}
