package org.reuselab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code reuselab} command. */
@Command(name = "reuselab", mixinStandardHelpOptions = true, version = "reuselab 0.1.0",
        description = "A packet-level simulator of the Linux kernel's TCP bind / listen / accept logic.",
        subcommands = {RunCommand.class, RealCommand.class, CheckCommand.class, ProfilesCommand.class, CompareCommand.class,
                FuzzCommand.class, MatrixCommand.class, BenchCommand.class, DetectCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  reuselab run scenarios/bind/06-reuseaddr-vs-listener.json --explain",
                "  reuselab check scenarios/bind/*.json", "  reuselab profiles", "",
                "Exit status: 0 all expectations held, 1 an expectation failed, 2 bad input (scenario file or",
                "command line), 3 an internal error of the model (a bug: the message names the seed)."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status (tests call this). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> ExitCodes.BAD_INPUT);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("reuselab: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'reuselab " + ex.getCommandLine().getCommandName()
                    + " --help' for usage.");
            return ExitCodes.BAD_INPUT;
        });
        return cl.execute(args);
    }
}
