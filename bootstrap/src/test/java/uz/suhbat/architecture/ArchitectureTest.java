package uz.suhbat.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.conditions.ArchConditions.beInterfaces;
import static com.tngtech.archunit.lang.conditions.ArchConditions.haveSimpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md, checked on the compiled classes of every module.
 * ArchUnit's failure on empty rules stays on (archunit.properties), so a renamed package cannot
 * make a rule pass by matching nothing.
 */
class ArchitectureTest {

    private static final String DOMAIN = "uz.suhbat.domain..";
    private static final String APPLICATION = "uz.suhbat.application..";
    private static final String PORT_IN = "uz.suhbat.application.port.in..";
    private static final String PORT_OUT = "uz.suhbat.application.port.out..";
    private static final String SERVICE = "uz.suhbat.application.service..";
    private static final String WEB = "uz.suhbat.adapter.in.web..";
    private static final String PERSISTENCE = "uz.suhbat.adapter.out.persistence..";
    private static final String AI = "uz.suhbat.adapter.out.ai..";
    private static final String MAIL = "uz.suhbat.adapter.out.mail..";
    private static final String CRYPTO = "uz.suhbat.adapter.out.crypto..";
    private static final String ADAPTERS = "uz.suhbat.adapter..";
    private static final String BOOTSTRAP = "uz.suhbat.bootstrap..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // shared fixtures arrive as test-jars when a module is built alone
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("uz.suhbat");
    }

    @Test
    void domainDependsOnlyOnTheJdkAndItself() {
        check(classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java.."));
    }

    @Test
    void coreTouchesNoFramework() {
        check(noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.jooq..", "dev.langchain4j..", "jakarta.servlet..",
                        "com.samskivert..", "org.apache.pdfbox..", "org.flywaydb..", "ch.vorburger.."));
    }

    @Test
    void applicationNeverDependsOnAdaptersOrBootstrap() {
        check(noClasses().that().resideInAPackage(APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, BOOTSTRAP));
    }

    /** Every adapter (uz.suhbat.adapter.in.web, .out.persistence, .out.ai, ...) is a slice: a new adapter module is covered as it is. */
    @Test
    void adaptersDoNotDependOnEachOther() {
        check(slices().matching("uz.suhbat.adapter.(*).(*)..").should().notDependOnEachOther());
    }

    @Test
    void theServicePackagesHaveNoCycles() {
        check(slices().matching("..application.service.(*)..").should().beFreeOfCycles());
    }

    @Test
    void adaptersSeeTheCoreOnlyThroughPorts() {
        check(noClasses().that().resideInAPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE, BOOTSTRAP));
    }

    @Test
    void incomingAndOutgoingPortsDoNotDependOnEachOther() {
        check(noClasses().that().resideInAPackage(PORT_IN).should().dependOnClassesThat().resideInAPackage(PORT_OUT));
        check(noClasses().that().resideInAPackage(PORT_OUT).should().dependOnClassesThat().resideInAPackage(PORT_IN));
    }

    @Test
    void librariesStayInsideTheirAdapter() {
        check(noClasses().that().resideOutsideOfPackages(PERSISTENCE, BOOTSTRAP)
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "uz.suhbat.adapter.out.persistence.schema.."));
        check(noClasses().that().resideOutsideOfPackage(AI)
                .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..", "org.apache.pdfbox.."));
        check(noClasses().that().resideOutsideOfPackage(MAIL)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.mail..", "jakarta.mail.."));
        check(noClasses().that().resideOutsideOfPackage(WEB)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "com.samskivert.."));
        check(noClasses().that().resideOutsideOfPackage(WEB)
                .should().dependOnClassesThat().resideInAnyPackage("com.openhtmltopdf.."));
        check(noClasses().that().resideOutsideOfPackages(WEB, CRYPTO)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.security.."));
        check(noClasses().that().resideOutsideOfPackage(CRYPTO)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.security.crypto..", "org.bouncycastle.."));
    }

    /**
     * Both halves must hold: an interface, and a house name. (ArchUnit reads {@code andShould ... orShould}
     * left to right, so written that way a class named FooQuery passed; each condition is built whole here.)
     */
    @Test
    void portsAreInterfacesWithTheHouseNames() {
        check(classes().that().resideInAPackage(PORT_IN).and().areTopLevelClasses()
                .should(beInterfaces().and(haveSimpleNameEndingWith("UseCase").or(haveSimpleNameEndingWith("Query")))));
        check(classes().that().resideInAPackage(PORT_OUT).and().areTopLevelClasses()
                .should(beInterfaces().and(haveSimpleNameEndingWith("Port").or(haveSimpleNameEndingWith("Repository")))));
    }

    @Test
    void outPortsAreImplementedInOutgoingAdaptersOnly() {
        check(noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION, BOOTSTRAP, "uz.suhbat.adapter.in..")
                .should().implement(OUT_PORT));
    }

    /** Callbacks nested in a port (an answer sink) are the application's to implement, so only top-level types count. */
    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> OUT_PORT =
            com.tngtech.archunit.base.DescribedPredicate.describe("an out-port",
                    c -> c.getPackageName().startsWith("uz.suhbat.application.port.out") && c.isTopLevelClass());

    @Test
    void coreHasNoFrameworkAnnotations() {
        check(noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().beAnnotatedWith(com.tngtech.archunit.base.DescribedPredicate.describe("a framework annotation",
                        (com.tngtech.archunit.core.domain.JavaAnnotation<?> a) -> !a.getRawType().getPackageName().startsWith("java"))));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
