package vn.lachan.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guards the module map of ARCHITECTURE.md: dependencies point toward the core, never back. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.lachan");
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("vn.lachan.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.lachan.sigma..", "vn.lachan.ingest..", "vn.lachan.app..")
                .check(classes);
    }

    @Test
    void detectionKnowsNothingOfInputsOrTheApplication() {
        noClasses()
                .that()
                .resideInAPackage("vn.lachan.sigma..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.lachan.ingest..", "vn.lachan.app..")
                .check(classes);
    }

    @Test
    void inputsKnowNothingOfDetectionOrTheApplication() {
        noClasses()
                .that()
                .resideInAPackage("vn.lachan.ingest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.lachan.sigma..", "vn.lachan.app..")
                .check(classes);
    }

    @Test
    void storeKnowsNothingOfDetectionInputsOrTheApplication() {
        noClasses()
                .that()
                .resideInAPackage("vn.lachan.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.lachan.sigma..", "vn.lachan.ingest..", "vn.lachan.app..")
                .check(classes);
    }

    @Test
    void theStoragePortAndQueryLanguageCarryNoLuceneType() {
        noClasses()
                .that()
                .resideInAPackage("vn.lachan.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.lucene..", "vn.lachan.store..")
                .check(classes);
    }

    @Test
    void ruleModelKnowsNothingOfParsingOrMatching() {
        noClasses()
                .that()
                .resideInAPackage("vn.lachan.sigma.rule..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.lachan.sigma.parse..",
                        "vn.lachan.sigma.match..",
                        "vn.lachan.sigma.logsource..",
                        "vn.lachan.sigma.correlate..",
                        "vn.lachan.sigma.filter..")
                .check(classes);
    }

    @Test
    void applicationsReachMatchingOnlyThroughTheEngineFacade() {
        noClasses()
                .that()
                .resideOutsideOfPackage("vn.lachan.sigma..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.lachan.sigma.match..", "vn.lachan.sigma.correlate..", "vn.lachan.sigma.filter..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        SlicesRuleDefinition.slices()
                .matching("vn.lachan.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }
}
