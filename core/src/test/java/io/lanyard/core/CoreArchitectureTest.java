package io.lanyard.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core is plain Java: host and servlet types stop at the plugin's edge. Its packages depend on each other one
 * way, following the flow: errors at the bottom, then values (configuration, secrets) and the ports of the host,
 * then their persistence and resolution, then the flows that use them (login, the admin write path, "Test").
 */
@AnalyzeClasses(packages = "io.lanyard.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreUsesNoServletOrAtlassianTypes = noClasses()
            .that().resideInAPackage("io.lanyard.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.servlet..", "jakarta.servlet..", "com.atlassian..")
            .because("core/ must run in any host and in tests without a servlet container (style.md, practice 1)");

    @ArchTest
    static final ArchRule coreDoesNotDependOnThePlugin = noClasses()
            .that().resideInAPackage("io.lanyard.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.lanyard.plugin..", "io.lanyard.sandbox..");

    /** Every package is its own slice: {@code config} and {@code config.xml} may not need each other either. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.lanyard.core.(**)").should().beFreeOfCycles()
            .because("dependencies between the core's packages point one way (issue 11)");

    @ArchTest
    static final ArchRule errorsAreTheBottom = noClasses()
            .that().resideInAPackage("io.lanyard.core.error")
            .should().dependOnClassesThat().resideOutsideOfPackages("io.lanyard.core.error", "java..")
            .because("every package reports failures with an ErrorCode; the codes need nothing back");

    @ArchTest
    static final ArchRule onlyTheLoginFlowUsesTheLoginFlow = noClasses()
            .that().resideOutsideOfPackage("io.lanyard.core.login")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.core.login")
            .because("discovery, http, keys, mapping and token serve the login; they do not call back into it");

    @ArchTest
    static final ArchRule configurationValuesStandApart = noClasses()
            .that().resideInAPackage("io.lanyard.core.config")
            .should().dependOnClassesThat().resideInAnyPackage("io.lanyard.core.config.xml", "io.lanyard.core.config.change",
                    "io.lanyard.core.secret.resolver", "io.lanyard.core.secret.secured", "io.lanyard.core.login",
                    "io.lanyard.core.token", "io.lanyard.core.diagnostics")
            .because("configuration values know neither their files, nor the admin write path, nor who uses them");

    @ArchTest
    static final ArchRule persistenceIsNotTheWritePath = noClasses()
            .that().resideInAPackage("io.lanyard.core.config.xml")
            .should().dependOnClassesThat().resideInAnyPackage("io.lanyard.core.config.change",
                    "io.lanyard.core.secret.resolver", "io.lanyard.core.login", "io.lanyard.core.diagnostics")
            .because("the files hold what they are given; the save rules are the write path's");

    @ArchTest
    static final ArchRule secretValuesStandApart = noClasses()
            .that().resideInAPackage("io.lanyard.core.secret")
            .should().dependOnClassesThat().resideInAnyPackage("io.lanyard.core.secret.resolver",
                    "io.lanyard.core.secret.secured", "io.lanyard.core.config..")
            .because("Secret and its companions are values; where a secret comes from is the resolver's business");

    @ArchTest
    static final ArchRule oneSecretResolver = noClasses()
            .that().resideOutsideOfPackages("io.lanyard.core.secret.resolver", "io.lanyard.core.secret.secured")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.core.secret.secured")
            .because("ClientSecretResolver is the one place that knows where secrets come from (seed 000)");

    @ArchTest
    static final ArchRule portsNeedNothingOfTheFlows = noClasses()
            .that().resideInAPackage("io.lanyard.core.host")
            .should().dependOnClassesThat().resideInAnyPackage("io.lanyard.core.config..", "io.lanyard.core.secret..",
                    "io.lanyard.core.login", "io.lanyard.core.token", "io.lanyard.core.diagnostics")
            .because("a product adapter implements a port without knowing Lanyard's flows");
}
