package vn.lachan.security.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fences the crypto internals and keeps encryption on the JDK's own primitives. */
class CryptoArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.lachan");
    }

    @Test
    void cryptoInternalsAreUsedOnlyByTheCryptoEnvelopeAndBackupPackages() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "vn.lachan.security.crypto..", "vn.lachan.security.envelope..", "vn.lachan.security.backup..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("vn.lachan.security.crypto.internal..")
                .check(classes);
    }

    @Test
    void encryptionUsesTheJdkPrimitivesNotBouncyCastle() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "vn.lachan.security.crypto..", "vn.lachan.security.envelope..", "vn.lachan.security.backup..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.bouncycastle..")
                .check(classes);
    }

    @Test
    void encryptionKnowsNothingOfIdentitySessionsOrStorage() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "vn.lachan.security.crypto..", "vn.lachan.security.envelope..", "vn.lachan.security.backup..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.lachan.security.access..",
                        "vn.lachan.security.identity..",
                        "vn.lachan.security.signin..",
                        "vn.lachan.security.session..",
                        "vn.lachan.security.token..",
                        "vn.lachan.security.audit..",
                        "java.sql..")
                .check(classes);
    }
}
