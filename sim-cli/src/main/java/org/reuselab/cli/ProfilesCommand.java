package org.reuselab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.reuselab.core.kernel.Evidence;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.kernel.ProfileFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code reuselab profiles}: the kernel profiles and how they differ. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = "List the kernel profiles and every behaviour in which they differ, with its kernel source.",
        footer = {"", "Example:", "  reuselab profiles"})
final class ProfilesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Option(names = "--markdown", description = "print the table as Markdown (docs/profiles.md)")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(ProfilesMarkdown.render());
            out.flush();
            return ExitCodes.OK;
        }
        List<KernelProfile> all = KernelProfiles.allNamed();
        out.println("profiles: " + String.join(", ", KernelProfiles.names()) + "  (default: "
                + KernelProfiles.newest().name() + ")");
        out.println();
        StringBuilder head = new StringBuilder(String.format("%-30s", "behaviour"));
        all.forEach(p -> head.append(' ').append(pad(p.name(), p)));
        out.println(head);
        for (ProfileFeature f : ProfileFeature.ALL) {
            StringBuilder row = new StringBuilder(String.format("%-30s", f.key() + marker(f.evidence())));
            all.forEach(p -> row.append(' ').append(pad(abbreviate(p.valueText(f.feature())), p)));
            out.println(row);
        }
        out.println();
        out.println("* = unverified (from memory or inference); + = from a commit's text; ! = observed on one build, "
                + "no upstream change explains it; unmarked = read in source or observed");
        out.println("yes/- = true/false; strict1 = STRICT_CACHED_WILDCARD, strict2 = STRICT_EITHER_WILDCARD, uid = UID_ONLY;"
                + " seq/seq-half/odd = SEQUENTIAL/SEQUENTIAL_HALVES/ODD_FIRST (reuselab profiles --markdown has full names)");
        out.println();
        for (ProfileFeature f : ProfileFeature.ALL) {
            out.println(f.key() + marker(f.evidence()) + ": " + f.what());
            out.println("    source: " + f.source());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String marker(Evidence e) {
        return switch (e) {
            case VERIFIED -> "";
            case COMMIT_TEXT -> "+";
            case OBSERVED -> "!";
            case UNVERIFIED -> "*";
        };
    }

    /** A column as wide as its profile's name, at least 7. */
    private static String pad(String text, KernelProfile column) {
        return String.format("%-" + Math.max(7, column.name().length()) + "s", text);
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return switch (s) {
            case "true" -> "yes";
            case "false" -> "-";
            case "32768 60999" -> "-60999";
            case "32768 61000" -> "-61000";
            case "STRICT_EITHER_WILDCARD" -> "strict2";
            case "STRICT_CACHED_WILDCARD" -> "strict1";
            case "UID_ONLY" -> "uid";
            case "SEQUENTIAL" -> "seq";
            case "SEQUENTIAL_HALVES" -> "seq-half";
            case "ODD_FIRST" -> "odd";
            default -> s;
        };
    }
}
