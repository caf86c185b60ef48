package org.reuselab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Profile files: the shipped ones, a round trip, and every kind of bad input at its line and column. */
class ProfileFilesTest {

    @Test
    void everyShippedProfileReadsBackFromWhatItWrites() throws ProfileFileException {
        for (KernelProfile p : KernelProfiles.allNamed()) {
            KernelProfile again = ProfileFiles.read("again.json", ProfileFiles.write(p, "copy"));
            assertEquals(p, again, p.name());
        }
    }

    @Test
    void theDocumentedHistoryOfEachFeatureIsWhatTheLineFilesSay() {
        for (ProfileFeature d : ProfileFeature.ALL) {
            assertEquals(ProfileFeature.historyOf(d.feature(), KernelProfiles.all()), d.history(),
                    "features.json history of " + d.key());
        }
    }

    @Test
    void variantsDifferFromTheirLineOnlyInObservedFeatures() {
        for (KernelProfile v : KernelProfiles.variants()) {
            KernelProfile line = KernelProfiles.forRelease(v.version().toString());
            for (Feature f : Feature.values()) {
                if (!line.value(f).equals(v.value(f))) {
                    assertEquals(Evidence.OBSERVED, ProfileFeature.of(f).orElseThrow().evidence(), v.name() + " " + f.key());
                }
            }
        }
    }

    @Test
    void everyProblemIsReportedAtOnceAtItsPlace() {
        String text = KernelProfiles.fileText("6.1")
                .replace("\"defaultSomaxconn\": 4096", "\"defaultSomaxconn\": \"many\"")
                .replace("\"bindZeroSearch\": \"ODD_FIRST\"", "\"bindZeroSearch\": \"EVEN_FIRST\"")
                .replace("\"listenerMigration\": true,\n", "")
                .replace("\"reuseportGroups\": true", "\"reuseportGroupz\": true");
        ProfileFileException e = assertThrows(ProfileFileException.class, () -> ProfileFiles.read("vendor.json", text));
        List<String> errors = e.errors();
        assertTrue(errors.contains("vendor.json:7:25: error: bad value \"many\" for feature defaultSomaxconn: expected a"
                + " number at /features/defaultSomaxconn"), errors.toString());
        assertTrue(errors.stream().anyMatch(x -> x.startsWith("vendor.json:9:23: error: bad value \"EVEN_FIRST\" for feature"
                + " bindZeroSearch: expected one of SEQUENTIAL")), errors.toString());
        assertTrue(errors.stream().anyMatch(x -> x.contains("unknown feature \"reuseportGroupz\"; did you mean"
                + " \"reuseportGroups\"? at /features/reuseportGroupz")), errors.toString());
        assertTrue(errors.stream().anyMatch(x -> x.contains("missing feature \"listenerMigration\"")), errors.toString());
        assertTrue(errors.stream().anyMatch(x -> x.contains("missing feature \"reuseportGroups\"")), errors.toString());
    }

    @Test
    void brokenJsonAndMissingFieldsAreErrorsNotCrashes() {
        ProfileFileException broken = assertThrows(ProfileFileException.class,
                () -> ProfileFiles.read("p.json", "{\"name\": \"x\",\n \"version\": }"));
        assertTrue(broken.errors().getFirst().startsWith("p.json:2:13: error: invalid JSON"), broken.errors().toString());
        ProfileFileException empty = assertThrows(ProfileFileException.class, () -> ProfileFiles.read("p.json", "{}"));
        assertEquals(List.of("p.json:1:1: error: the profile has no \"name\" at /",
                "p.json:1:1: error: the profile has no \"version\" at /",
                "p.json:1:1: error: the profile has no \"features\" at /"), empty.errors());
        ProfileFileException version = assertThrows(ProfileFileException.class,
                () -> ProfileFiles.read("p.json", "{\"name\": \"x\", \"version\": \"six\", \"features\": {}, \"extra\": 1}"));
        assertTrue(version.errors().stream().anyMatch(x -> x.contains("not a kernel version") && x.endsWith("at /version")));
        assertTrue(version.errors().stream().anyMatch(x -> x.contains("unknown field \"extra\"")));
    }
}
