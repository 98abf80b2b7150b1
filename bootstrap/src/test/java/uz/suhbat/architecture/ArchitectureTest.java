package uz.suhbat.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    @Test
    void adaptersDoNotDependOnEachOther() {
        check(noClasses().that().resideInAPackage(WEB).should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, AI, MAIL));
        check(noClasses().that().resideInAPackage(PERSISTENCE).should().dependOnClassesThat().resideInAnyPackage(WEB, AI, MAIL));
        check(noClasses().that().resideInAPackage(AI).should().dependOnClassesThat().resideInAnyPackage(WEB, PERSISTENCE, MAIL));
        check(noClasses().that().resideInAPackage(MAIL).should().dependOnClassesThat().resideInAnyPackage(WEB, PERSISTENCE, AI));
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
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.security..",
                        "jakarta.servlet..", "com.samskivert.."));
    }

    @Test
    void portsAreInterfacesWithTheHouseNames() {
        check(classes().that().resideInAPackage(PORT_IN).and().areTopLevelClasses()
                .should().beInterfaces()
                .andShould().haveSimpleNameEndingWith("UseCase").orShould().haveSimpleNameEndingWith("Query"));
        check(classes().that().resideInAPackage(PORT_OUT).and().areTopLevelClasses()
                .should().beInterfaces()
                .andShould().haveSimpleNameEndingWith("Port").orShould().haveSimpleNameEndingWith("Repository"));
    }

    @Test
    void outPortsAreImplementedInAdaptersOnly() {
        check(noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION, BOOTSTRAP)
                .should().implement(com.tngtech.archunit.base.DescribedPredicate.describe("an out-port",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("uz.suhbat.application.port.out")
                                // callbacks nested in a port (an answer sink) are the application's to implement
                                && c.isTopLevelClass())));
    }

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
