package io.lanyard.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core is plain Java: host and servlet types stop at the plugin's edge. */
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
}
