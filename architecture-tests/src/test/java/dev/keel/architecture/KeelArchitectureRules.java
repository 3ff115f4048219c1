package dev.keel.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The rules of ARCHITECTURE.md ("Rules that ArchUnit enforces"), one readable sentence each.
 * {@link ArchitectureTest} checks them against Keel's production classes;
 * {@link ArchitectureRulesCatchViolationsTest} proves each one fails on a violating fixture.
 */
public final class KeelArchitectureRules {

    static final String SPI = "dev.keel.spi..";
    static final String CORE = "dev.keel.core..";
    static final String BOOTSTRAP = "dev.keel.bootstrap..";
    static final String CLI = "dev.keel.cli..";
    static final String TESTKIT = "dev.keel.testkit..";

    /** Adapter name → package root of each plugin module. {@code dev.keel.jdbc} is shared infrastructure, not an adapter. */
    static final Map<String, String> ADAPTER_PACKAGES = Map.of(
            "dialect-sqlite", "dev.keel.dialect.sqlite",
            "dialect-postgres", "dev.keel.dialect.postgres",
            "dialect-mysql", "dev.keel.dialect.mysql",
            "snapshot-filecopy", "dev.keel.snapshot.filecopy",
            "snapshot-docker", "dev.keel.snapshot.docker",
            "rules", "dev.keel.rules");

    /** The JDK packages the domain may use: values, collections, time, paths, hashing. */
    private static final String[] JDK_PACKAGES_ALLOWED_IN_DOMAIN = {
            "java.lang..", // includes java.lang.annotation, java.lang.invoke/runtime used by records and lambdas
            "java.util..",
            "java.time..",
            "java.nio..",
            "java.math..",
    };

    /** Single JDK types the domain may use from otherwise off-limits packages. */
    private static final List<String> JDK_TYPES_ALLOWED_IN_DOMAIN = List.of(
            "java.net.URI",
            "java.security.MessageDigest",
            "java.security.NoSuchAlgorithmException",
            "java.io.Serializable",
            "java.io.IOException",
            "java.io.UncheckedIOException",
            // the character streams java.nio.file.Files hands out, for java.util.Properties (snapshot files)
            "java.io.Reader",
            "java.io.Writer");

    private KeelArchitectureRules() {
    }

    // ---------------------------------------------------------------- 1. a pure domain

    public static final ArchRule SPI_AND_CORE_DEPEND_ONLY_ON_THEMSELVES_AND_THE_JDK =
            classes().that().resideInAnyPackage(SPI, CORE)
                    .should().onlyDependOnClassesThat(
                            resideInAnyPackage(SPI, CORE)
                                    .or(resideInAnyPackage(JDK_PACKAGES_ALLOWED_IN_DOMAIN))
                                    .or(hasNameIn(JDK_TYPES_ALLOWED_IN_DOMAIN))
                                    .or(primitive()))
                    .because("the core knows migrations, plans, risks, protection and history, and nothing of "
                            + "JDBC, Docker, Guice or the terminal: everything that touches the world is an adapter behind a port");

    public static final ArchRule SPI_AND_CORE_DO_NOT_USE_INFRASTRUCTURE_LIBRARIES =
            noClasses().that().resideInAnyPackage(SPI, CORE)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "java.sql..", "javax.sql..",
                            "com.google.inject..", "jakarta.inject..", "javax.inject..",
                            "net.sf.jsqlparser..", "com.zaxxer.hikari..", "com.fasterxml.jackson..",
                            "picocli..", "com.github.dockerjava..", "org.testcontainers..",
                            "org.snakeyaml..", "org.slf4j..")
                    .because("SQL runs through Keel's DatabaseSession port, wiring happens in bootstrap only, "
                            + "and parsers, pools, JSON, the CLI and Docker are adapters' business");

    public static final ArchRule SPI_AND_CORE_START_NO_PROCESSES =
            noClasses().that().resideInAnyPackage(SPI, CORE)
                    .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class)
                    .orShould().callMethodWhere(callToRuntimeExec())
                    .because("starting programs (docker, pg_dump, …) is a snapshot adapter's job, never the domain's");

    // ---------------------------------------------------------------- 2. adapters and the CLI

    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER =
            slices().assignedFrom(adapterSlices())
                    .should().notDependOnEachOther()
                    .allowEmptyShould(true)
                    .because("each adapter is a plugin found with ServiceLoader and must be removable on its own; "
                            + "what dialects share lives in engine-jdbc");

    public static final ArchRule CLI_REACHES_THE_ENGINE_ONLY_THROUGH_BOOTSTRAP =
            classes().that().resideInAPackage(CLI)
                    .should().onlyDependOnClassesThat(
                            resideOutsideOfPackage("dev.keel..").or(resideInAnyPackage(CLI, BOOTSTRAP, SPI)))
                    .allowEmptyShould(true)
                    .because("the CLI is one adapter among others (an embedding program is another): it sees the Keel "
                            + "facade in bootstrap and the SPI values, never core services, JDBC, dialects, snapshots or rules");

    // ---------------------------------------------------------------- 3. one composition root, one terminal

    public static final ArchRule ONLY_BOOTSTRAP_USES_SERVICE_LOADER =
            noClasses().that().resideOutsideOfPackages(BOOTSTRAP, TESTKIT)
                    .should().dependOnClassesThat().belongToAnyOf(ServiceLoader.class)
                    .because("plugin discovery (class loaders, duplicates, reserved ids) happens in one place, engine-bootstrap; "
                            + "the only other user is the test kit's RuleTester, which finds the dialect and the statement "
                            + "analyzer on a plugin author's test class path the way the engine does, and cannot call "
                            + "bootstrap because the adapters' own tests depend on the test kit");

    public static final ArchRule ONLY_BOOTSTRAP_USES_GUICE =
            noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "com.google.inject..", "jakarta.inject..", "javax.inject..")
                    .because("one Guice injector is created in the composition root; core services take plain JDK "
                            + "collections and third-party authors never see Guice");

    public static final ArchRule ONLY_THE_CLI_TOUCHES_STANDARD_STREAMS =
            noClasses().that().resideOutsideOfPackage(CLI)
                    .should(ACCESS_STANDARD_STREAMS)
                    .because("the engine reports through events and results that the CLI renders "
                            + "(and an embedding program can consume); output streams are injectable only in the CLI");

    public static final ArchRule ONLY_THE_CLI_EXITS =
            noClasses().that().resideOutsideOfPackage(CLI)
                    .should().callMethod(System.class, "exit", int.class)
                    .orShould().callMethod(Runtime.class, "exit", int.class)
                    .orShould().callMethod(Runtime.class, "halt", int.class)
                    .because("only the CLI turns errors into exit codes; the engine throws KeelException");

    // ---------------------------------------------------------------- 4. structure and names

    public static final ArchRule MODULE_PACKAGES_ARE_FREE_OF_CYCLES =
            slices().matching("dev.keel.(*)..")
                    .should().beFreeOfCycles()
                    .because("modules form a directed graph: core at the centre, adapters around it, bootstrap and the CLI outside");

    public static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES =
            slices().matching("dev.keel.(**)")
                    .should().beFreeOfCycles()
                    .because("a package cycle means two packages are really one, or a missing port; "
                            + "types that refer to each other belong in the same package");

    public static final ArchRule NO_CATCH_ALL_CLASS_NAMES =
            noClasses().that().resideInAPackage("dev.keel..")
                    .should().haveSimpleNameEndingWith("Manager")
                    .orShould().haveSimpleNameEndingWith("Util")
                    .orShould().haveSimpleNameEndingWith("Utils")
                    .orShould().haveSimpleNameEndingWith("Helper")
                    .orShould().haveSimpleNameEndingWith("Impl")
                    .because("a name should say what a type does; *Manager, *Util(s), *Helper and *Impl are dumping grounds");

    // ---------------------------------------------------------------- 5. the published SPI

    public static final ArchRule PUBLIC_SPI_TYPES_CARRY_API_STATUS =
            classes().that().resideInAPackage(SPI)
                    .and().arePublic()
                    .and().areTopLevelClasses()
                    .and().doNotHaveSimpleName("package-info")
                    .should().beAnnotatedWith("dev.keel.spi.Api")
                    .because("plugin authors must know how stable each SPI type is and since which version it exists "
                            + "(nested types are covered by their annotated owner)");

    /** All rules, in the order of ARCHITECTURE.md. */
    public static final List<ArchRule> ALL = List.of(
            SPI_AND_CORE_DEPEND_ONLY_ON_THEMSELVES_AND_THE_JDK,
            SPI_AND_CORE_DO_NOT_USE_INFRASTRUCTURE_LIBRARIES,
            SPI_AND_CORE_START_NO_PROCESSES,
            ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
            CLI_REACHES_THE_ENGINE_ONLY_THROUGH_BOOTSTRAP,
            ONLY_BOOTSTRAP_USES_SERVICE_LOADER,
            ONLY_BOOTSTRAP_USES_GUICE,
            ONLY_THE_CLI_TOUCHES_STANDARD_STREAMS,
            ONLY_THE_CLI_EXITS,
            MODULE_PACKAGES_ARE_FREE_OF_CYCLES,
            PACKAGES_ARE_FREE_OF_CYCLES,
            NO_CATCH_ALL_CLASS_NAMES,
            PUBLIC_SPI_TYPES_CARRY_API_STATUS);

    // ---------------------------------------------------------------- predicates

    private static DescribedPredicate<JavaClass> hasNameIn(List<String> names) {
        return DescribedPredicate.describe("are one of " + names, javaClass -> names.contains(javaClass.getName()));
    }

    private static DescribedPredicate<JavaClass> primitive() {
        return DescribedPredicate.describe("are primitive", JavaClass::isPrimitive);
    }

    private static DescribedPredicate<JavaMethodCall> callToRuntimeExec() {
        return DescribedPredicate.describe("target is Runtime.exec(..)",
                call -> call.getTargetOwner().isEquivalentTo(Runtime.class) && call.getName().equals("exec"));
    }

    private static SliceAssignment adapterSlices() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String packageName = javaClass.getPackageName();
                for (Map.Entry<String, String> adapter : ADAPTER_PACKAGES.entrySet()) {
                    String root = adapter.getValue();
                    if (packageName.equals(root) || packageName.startsWith(root + ".")) {
                        return SliceIdentifier.of(adapter.getKey());
                    }
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "Keel adapters " + ADAPTER_PACKAGES.values();
            }
        };
    }
}
