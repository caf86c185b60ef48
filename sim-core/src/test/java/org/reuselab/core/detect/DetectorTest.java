package org.reuselab.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.reuselab.core.host.RunOptions;
import org.reuselab.core.host.SimHost;
import org.reuselab.core.kernel.Feature;
import org.reuselab.core.kernel.KernelProfile;
import org.reuselab.core.kernel.KernelProfiles;
import org.reuselab.core.trace.Trace;

/** The detector, with the simulator standing in for a real kernel of a known profile. */
class DetectorTest {

    private static Map<Probe, Trace> probesOn(KernelProfile kernel) {
        Map<Probe, Trace> traces = new LinkedHashMap<>();
        for (Probe p : Probes.all()) {
            traces.put(p, new SimHost().run(p.scenario(), new RunOptions(Optional.of(kernel), OptionalLong.empty())));
        }
        return traces;
    }

    @Test
    void eachNamedProfileOfALineIsFoundFromItsOwnAnswers() {
        KernelProfile line = KernelProfiles.byName("6.18").orElseThrow();
        for (KernelProfile kernel : List.of(line, KernelProfiles.byName("6.18-fc-v1045").orElseThrow())) {
            Detection d = Detector.decide("6.18.44-test", line, probesOn(kernel));
            assertEquals(kernel.name(), d.nearest().name());
            assertTrue(d.matchesNamedProfile(), () -> d.differences().toString());
            assertTrue(d.findings().stream().allMatch(FeatureFinding::decided));
        }
    }

    @Test
    void aBuildNoProfileDescribesIsReportedWithTheFeatureAndItsProbe() {
        KernelProfile line = KernelProfiles.byName("6.12").orElseThrow();
        KernelProfile odd = line.with("6.12-odd", Feature.DISCONNECT_KEEPS_ROLE, true);
        Detection d = Detector.decide("6.12.99-odd", line, probesOn(odd));
        assertFalse(d.matchesNamedProfile());
        assertEquals("6.12", d.nearest().name());
        Detection.Difference x = d.differences().getFirst();
        assertEquals("disconnectKeepsRole", x.feature().key());
        assertEquals("true", x.kernel());
        assertEquals("false", x.profile());
        assertEquals("scenarios/detect/disconnectKeepsRole.json", x.probeFile());
        assertTrue(d.detected().disconnectKeepsRole());
    }

    @Test
    void everyProbeTellsEachValueOfItsFeatureApart() {
        KernelProfile line = KernelProfiles.newest();
        List<String> blind = new java.util.ArrayList<>();
        for (Probe p : Probes.all()) {
            List<String> values = Detector.candidates(p.feature());
            assertTrue(values.size() >= 2, p.feature().key() + " has no values to tell apart");
            for (String v : values) {
                KernelProfile k = line.with("t", p.feature(), p.feature().parse(v).orElseThrow());
                Detection d = Detector.decide("t", line, Map.of(p, probesOn(k).get(p)));
                FeatureFinding f = d.findings().getFirst();
                if (!f.agreeing().equals(List.of(v))) {
                    blind.add(p.file() + " does not decide " + p.feature().key() + "=" + v + " (agreeing: " + f.agreeing()
                            + ")");
                }
            }
        }
        assertEquals(List.of(), blind);
    }

    @Test
    void copiesChangeOnlyTheFeatureAsked() {
        KernelProfile base = KernelProfiles.newest();
        for (Feature f : Feature.values()) {
            for (String v : f.valueTexts()) {
                KernelProfile copy = base.with("copy", f, f.parse(v).orElseThrow());
                assertEquals(v, copy.valueText(f));
                for (Feature other : Feature.values()) {
                    if (other != f) {
                        assertEquals(base.value(other), copy.value(other), other.key());
                    }
                }
            }
        }
        assertNotEquals(base, base.renamed("other"));
        assertTrue(base.sameFeatures(base.renamed("other")));
    }
}
