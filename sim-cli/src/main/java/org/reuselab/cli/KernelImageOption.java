package org.reuselab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --kernel-image K}: run the command on a booted Debian kernel (see {@link GuestRelay}). */
final class KernelImageOption {

    @Option(names = GuestRelay.OPTION, paramLabel = "K",
            description = {"run on Debian's kernel of line K (e.g. 6.1, 6.12, or a linux-image-... package) booted under",
                    "qemu, downloaded once into ~/.cache/reuselab/kernels; 'host' is this machine's kernel"})
    String kernelImage;

    /**
     * The command's exit status after running it in the guest, or empty when it runs here. The
     * command line is the one this command was parsed from, from its own name on.
     */
    Optional<Integer> relay(CommandLine.Model.CommandSpec spec, List<Path> outputs) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return GuestRelay.relayIfRequested(kernelImage, ownArgs(spec), outputs, out, err);
    }

    static List<String> ownArgs(CommandLine.Model.CommandSpec spec) {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        int at = all.indexOf(spec.name());
        return at < 0 ? all : all.subList(at, all.size());
    }
}
