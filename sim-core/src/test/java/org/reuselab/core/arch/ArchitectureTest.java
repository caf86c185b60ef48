package org.reuselab.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of sim-core, from the bottom: text and net (values), kernel (profiles), the
 * scenario file apart, model (the kernel's structures), trace and expect, host (the simulated
 * host), compare, then detect and fuzz. No package imports one above it, and no two packages
 * import each other, however indirectly.
 */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.reuselab.core");
    }

    /** Every package (model.bind, model.sock, ... each on its own) in no cycle. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Text").definedBy("org.reuselab.core.text..")
            .layer("Net").definedBy("org.reuselab.core.net..")
            .layer("Kernel").definedBy("org.reuselab.core.kernel..")
            .layer("Scenario").definedBy("org.reuselab.core.scenario..")
            .layer("Model").definedBy("org.reuselab.core.model..")
            .layer("Trace").definedBy("org.reuselab.core.trace..")
            .layer("Expect").definedBy("org.reuselab.core.expect..")
            .layer("Host").definedBy("org.reuselab.core.host..")
            .layer("Compare").definedBy("org.reuselab.core.compare..")
            .layer("Detect").definedBy("org.reuselab.core.detect..")
            .layer("Fuzz").definedBy("org.reuselab.core.fuzz..")
            .whereLayer("Text").mayNotAccessAnyLayer()
            .whereLayer("Net").mayOnlyAccessLayers("Text")
            .whereLayer("Kernel").mayOnlyAccessLayers("Net", "Text")
            .whereLayer("Scenario").mayOnlyAccessLayers("Kernel", "Net", "Text")
            .whereLayer("Model").mayOnlyAccessLayers("Kernel", "Net", "Text")
            .whereLayer("Trace").mayOnlyAccessLayers("Model", "Kernel", "Net", "Text")
            .whereLayer("Expect").mayOnlyAccessLayers("Trace", "Scenario", "Model", "Kernel", "Net", "Text")
            .whereLayer("Host").mayOnlyAccessLayers("Expect", "Trace", "Scenario", "Model", "Kernel", "Net", "Text")
            .whereLayer("Compare").mayOnlyAccessLayers("Host", "Expect", "Trace", "Scenario", "Model", "Kernel", "Net",
                    "Text")
            .whereLayer("Detect").mayOnlyAccessLayers("Compare", "Host", "Expect", "Trace", "Scenario", "Model",
                    "Kernel", "Net", "Text")
            .whereLayer("Fuzz").mayOnlyAccessLayers("Scenario", "Kernel", "Net", "Text");

    @Test
    void noPackageOfTheCoreIsInACycle() {
        noPackageCycles("org.reuselab.core").check(core);
    }

    @Test
    void everyPackageImportsOnlyTheLayersBelowIt() {
        LAYERS.check(core);
    }

    @Test
    void theModelKnowsNothingOfTheRealKernelOrTheCommandLine() {
        noClasses().that().resideInAPackage("org.reuselab.core..").should().dependOnClassesThat()
                .resideInAnyPackage("org.reuselab.probe..", "org.reuselab.cli..", "org.reuselab.bench..")
                .check(core);
    }

    @Test
    void aCycleIsCaught() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.reuselab.archfixture");
        assertTrue(noPackageCycles("org.reuselab.archfixture").evaluate(fixture).hasViolation(),
                "the rule must report the deliberate cycle between archfixture.a and archfixture.b");
    }
}
