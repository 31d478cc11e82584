package io.lanyard.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin's packages depend on each other one way: the ports of the host's session and the shared adapters at the
 * bottom, the login edge ({@code web}) and the admin frame ({@code admin}) above them, the integrations' pages and
 * the JSON API above the frame, and {@code lifecycle}, which puts it all together, on top.
 */
@AnalyzeClasses(packages = "io.lanyard.plugin", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.lanyard.plugin.(**)").should().beFreeOfCycles()
            .because("dependencies between the plugin's packages point one way (issue 11)");

    @ArchTest
    static final ArchRule onlyTheLifecycleAssembles = noClasses()
            .that().resideOutsideOfPackage("io.lanyard.plugin.lifecycle")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.plugin.lifecycle")
            .because("LanyardPlugin and LanyardAdministration put the parts together; no part needs them");

    @ArchTest
    static final ArchRule portsNeedNothingOfThePlugin = noClasses()
            .that().resideInAPackage("io.lanyard.plugin.session")
            .should().dependOnClassesThat().resideInAnyPackage("io.lanyard.plugin.web..", "io.lanyard.plugin.admin..",
                    "io.lanyard.plugin.lifecycle..", "io.lanyard.plugin.sal..", "io.lanyard.plugin.seraph..")
            .because("a product adapter implements a port without knowing the plugin's edge");

    @ArchTest
    static final ArchRule sharedAdaptersUseOnlyPorts = noClasses()
            .that().resideInAnyPackage("io.lanyard.plugin.sal", "io.lanyard.plugin.seraph")
            .should().dependOnClassesThat().resideInAnyPackage("io.lanyard.plugin.web..", "io.lanyard.plugin.admin..",
                    "io.lanyard.plugin.lifecycle..")
            .because("SAL and Seraph adapters implement ports, as each product's adapters do");

    @ArchTest
    static final ArchRule theLoginEdgeKnowsNoAdministration = noClasses()
            .that().resideInAPackage("io.lanyard.plugin.web")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.plugin.admin..");

    @ArchTest
    static final ArchRule theAdminFrameKnowsNoKindOfIntegration = noClasses()
            .that().resideInAPackage("io.lanyard.plugin.admin")
            .should().dependOnClassesThat().resideInAnyPackage("io.lanyard.plugin.admin.integration",
                    "io.lanyard.plugin.admin.api")
            .because("the guard and the servlet serve every section; the sections come to them (AdminPages)");

    @ArchTest
    static final ArchRule thePagesKnowNoApi = noClasses()
            .that().resideInAPackage("io.lanyard.plugin.admin.integration")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.plugin.admin.api");
}
