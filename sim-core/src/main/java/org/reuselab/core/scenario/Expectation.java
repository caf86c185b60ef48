package org.reuselab.core.scenario;

import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import org.reuselab.core.kernel.VersionRange;
import org.reuselab.core.net.Errno;
import org.reuselab.core.scenario.json.SourcePos;

/** The {@code expect} of a step. */
public sealed interface Expectation {

    SourcePos pos();

    /** {@code "ok"} (errno empty) or an errno name. */
    record Result(Optional<Errno> errno, SourcePos pos) implements Expectation {
        @Override
        public String toString() {
            return errno.map(Errno::name).orElse("ok");
        }
    }

    /** An object of checks, all of which must hold (and the call must have succeeded). */
    record Checks(List<Check> checks, SourcePos pos) implements Expectation {
        public Checks {
            checks = List.copyOf(checks);
        }
    }

    /**
     * {@code {"<5.14": ..., ">=5.14": ...}} or {@code {"disconnectKeepsRole=true": ..., "*": ...}}:
     * the first arm whose condition admits the kernel applies.
     */
    record ByKernel(List<Case> cases, SourcePos pos) implements Expectation {
        public ByKernel {
            cases = List.copyOf(cases);
        }
    }

    /** One arm of a kernel-keyed expectation. */
    record Case(Condition when, Expectation expect) {
    }

    /** What an arm asks of the kernel: its version, or one profile feature's value. */
    sealed interface Condition {
    }

    /** A version range ({@code ">=4.4,<5.14"}, {@code "*"}). */
    record VersionIs(VersionRange range) implements Condition {
    }

    /** {@code "feature=value"}: the profile feature has that value (its text, e.g. {@code true}). */
    record FeatureIs(String feature, String value) implements Condition {
        @Override
        public String toString() {
            return feature + "=" + value;
        }
    }

    /** One key of an expectation object. */
    sealed interface Check {
        SourcePos pos();
    }

    record PortCheck(PortMatcher matcher, SourcePos pos) implements Check {
    }

    record PeerCheck(AddrSpec peer, SourcePos pos) implements Check {
    }

    record LocalCheck(AddrSpec local, SourcePos pos) implements Check {
    }

    record StateCheck(String state, SourcePos pos) implements Check {
    }

    record ReplyCheck(List<String> flags, SourcePos pos) implements Check {
        public ReplyCheck {
            flags = List.copyOf(flags);
        }
    }

    record EstablishedCheck(CountRange count, SourcePos pos) implements Check {
    }

    record ResetCheck(CountRange count, SourcePos pos) implements Check {
    }

    /** Exact counts per listener, in file order. */
    record ByCheck(SequencedMap<String, CountRange> perListener, SourcePos pos) implements Check {
    }

    /** {@code "spread": "uniform"}, optionally {@code "among": [...]}. */
    record SpreadCheck(List<String> among, SourcePos pos) implements Check {
        public SpreadCheck {
            among = List.copyOf(among);
        }
    }

    record CountCheck(CountRange count, SourcePos pos) implements Check {
    }

    /** Extension: {@code {"value": 1}} for a {@code getsockopt} step. */
    record ValueCheck(long value, SourcePos pos) implements Check {
    }
}
