package org.reuselab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.ProfileFileException;
import org.reuselab.core.kernel.ProfileFiles;
import picocli.CommandLine.Option;

/** {@code --profile FILE}: a profile of one's own (a vendor's kernel, a detected one) instead of a named one. */
final class ProfileOption {

    @Option(names = "--profile", paramLabel = "FILE",
            description = {"a profile file (e.g. written by 'reuselab detect --out', or a copy of a shipped one",
                    "edited for a vendor's kernel); replaces --kernel and the file's kernel"})
    Path file;

    boolean given() {
        return file != null;
    }

    /** The profile read from the file: empty (errors printed, compiler style) when it is bad or none was given. */
    Optional<KernelProfile> read(PrintWriter err) {
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProfileFiles.read(file));
        } catch (ProfileFileException e) {
            e.errors().forEach(err::println);
            err.flush();
            return Optional.empty();
        }
    }
}
