package dev.keel.architecture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.keel.bootstrap.fixture.BootstrapHalting;
import dev.keel.bootstrap.fixture.BootstrapUsingServiceLoader;
import dev.keel.cli.fixture.CliPrintingAndExiting;
import dev.keel.cli.fixture.CliReachingIntoCore;
import dev.keel.cli.fixture.CliReachingIntoDialect;
import dev.keel.core.fixture.CoreCallingRuntimeExec;
import dev.keel.core.fixture.CorePrintingToStdout;
import dev.keel.core.fixture.CoreStartingProcess;
import dev.keel.core.fixture.CoreUsingDomainTypesOnly;
import dev.keel.core.fixture.CoreUsingInject;
import dev.keel.core.fixture.CoreUsingJdbc;
import dev.keel.core.fixture.cycle.a.CycleA;
import dev.keel.core.fixture.cycle.b.CycleB;
import dev.keel.core.fixture.naming.FooHelper;
import dev.keel.core.fixture.naming.FooImpl;
import dev.keel.core.fixture.naming.FooManager;
import dev.keel.core.fixture.naming.FooUtil;
import dev.keel.core.fixture.naming.FooUtils;
import dev.keel.dialect.postgres.fixture.PostgresQuoting;
import dev.keel.dialect.sqlite.fixture.SqliteBorrowingFromPostgres;
import dev.keel.dialect.sqlite.fixture.SqliteLoadingServices;
import dev.keel.dialect.sqlite.fixture.SqliteUsingSharedJdbc;
import dev.keel.jdbc.fixture.JdbcCycleSide;
import dev.keel.jdbc.fixture.SharedJdbcPiece;
import dev.keel.snapshot.docker.fixture.DockerExiting;
import dev.keel.spi.fixture.violating.UnannotatedPort;
import dev.keel.testkit.fixture.TestkitCycleSide;
import dev.keel.testkit.fixture.TestkitLoadingServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that each rule of {@link KeelArchitectureRules} fails on a violating class, and that the
 * exemptions (bootstrap, the CLI, engine-jdbc, nested SPI types) hold. The fixtures live in the test
 * folder under Keel's package names, so {@link ArchitectureTest} never sees them.
 */
class ArchitectureRulesCatchViolationsTest {

    private static JavaClasses fixtures(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static void assertCaught(ArchRule rule, String violator, Class<?>... classes) {
        AssertionError error = assertThrows(AssertionError.class, () -> rule.check(fixtures(classes)),
                () -> "rule did not catch " + violator + ": " + rule.getDescription());
        assertTrue(error.getMessage().contains(violator),
                () -> "the violation report should name " + violator + " but was:\n" + error.getMessage());
    }

    private static void assertAllowed(ArchRule rule, Class<?>... classes) {
        assertDoesNotThrow(() -> rule.check(fixtures(classes)));
    }

    // 1. a pure domain

    @Test
    void core_class_using_java_sql_is_caught_by_the_jdk_allow_list() {
        assertCaught(KeelArchitectureRules.SPI_AND_CORE_DEPEND_ONLY_ON_THEMSELVES_AND_THE_JDK,
                "java.sql.Connection", CoreUsingJdbc.class);
    }

    @Test
    void core_class_using_java_sql_is_caught_by_the_infrastructure_deny_list() {
        assertCaught(KeelArchitectureRules.SPI_AND_CORE_DO_NOT_USE_INFRASTRUCTURE_LIBRARIES,
                "java.sql.Connection", CoreUsingJdbc.class);
    }

    @Test
    void core_class_using_jakarta_inject_is_caught() {
        assertCaught(KeelArchitectureRules.SPI_AND_CORE_DEPEND_ONLY_ON_THEMSELVES_AND_THE_JDK,
                "jakarta.inject.Inject", CoreUsingInject.class);
        assertCaught(KeelArchitectureRules.SPI_AND_CORE_DO_NOT_USE_INFRASTRUCTURE_LIBRARIES,
                "jakarta.inject.Inject", CoreUsingInject.class);
    }

    @Test
    void core_class_using_only_allowed_jdk_types_passes() {
        assertAllowed(KeelArchitectureRules.SPI_AND_CORE_DEPEND_ONLY_ON_THEMSELVES_AND_THE_JDK,
                CoreUsingDomainTypesOnly.class, CoreUsingDomainTypesOnly.Step.class, CoreUsingDomainTypesOnly.Kind.class);
    }

    @Test
    void core_class_using_process_builder_is_caught() {
        assertCaught(KeelArchitectureRules.SPI_AND_CORE_START_NO_PROCESSES,
                "java.lang.ProcessBuilder", CoreStartingProcess.class);
    }

    @Test
    void core_class_calling_runtime_exec_is_caught() {
        assertCaught(KeelArchitectureRules.SPI_AND_CORE_START_NO_PROCESSES,
                "java.lang.Runtime.exec", CoreCallingRuntimeExec.class);
    }

    // 2. adapters and the CLI

    @Test
    void adapter_depending_on_another_adapter_is_caught() {
        assertCaught(KeelArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                SqliteBorrowingFromPostgres.class.getName(), SqliteBorrowingFromPostgres.class, PostgresQuoting.class);
    }

    @Test
    void dialect_using_engine_jdbc_passes() {
        assertAllowed(KeelArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                SqliteUsingSharedJdbc.class, SharedJdbcPiece.class, PostgresQuoting.class);
    }

    @Test
    void cli_depending_on_core_is_caught() {
        assertCaught(KeelArchitectureRules.CLI_REACHES_THE_ENGINE_ONLY_THROUGH_BOOTSTRAP,
                CoreUsingDomainTypesOnly.class.getName(), CliReachingIntoCore.class);
    }

    @Test
    void cli_depending_on_a_dialect_is_caught() {
        assertCaught(KeelArchitectureRules.CLI_REACHES_THE_ENGINE_ONLY_THROUGH_BOOTSTRAP,
                PostgresQuoting.class.getName(), CliReachingIntoDialect.class);
    }

    // 3. one composition root, one terminal

    @Test
    void adapter_using_service_loader_is_caught() {
        assertCaught(KeelArchitectureRules.ONLY_BOOTSTRAP_USES_SERVICE_LOADER,
                SqliteLoadingServices.class.getName(), SqliteLoadingServices.class);
    }

    @Test
    void bootstrap_using_service_loader_passes() {
        // SharedJdbcPiece gives the rule a class to check, so passing is not vacuous
        assertAllowed(KeelArchitectureRules.ONLY_BOOTSTRAP_USES_SERVICE_LOADER,
                BootstrapUsingServiceLoader.class, SharedJdbcPiece.class);
    }

    @Test
    void test_kit_using_service_loader_passes() {
        assertAllowed(KeelArchitectureRules.ONLY_BOOTSTRAP_USES_SERVICE_LOADER,
                TestkitLoadingServices.class, SharedJdbcPiece.class);
    }

    @Test
    void non_bootstrap_class_using_inject_is_caught() {
        assertCaught(KeelArchitectureRules.ONLY_BOOTSTRAP_USES_GUICE,
                "jakarta.inject.Inject", CoreUsingInject.class);
    }

    @Test
    void non_cli_class_printing_to_stdout_is_caught() {
        assertCaught(KeelArchitectureRules.ONLY_THE_CLI_TOUCHES_STANDARD_STREAMS,
                "java.lang.System.out", CorePrintingToStdout.class);
    }

    @Test
    void non_cli_class_calling_system_exit_is_caught() {
        assertCaught(KeelArchitectureRules.ONLY_THE_CLI_EXITS, "java.lang.System.exit", DockerExiting.class);
    }

    @Test
    void non_cli_class_calling_runtime_halt_is_caught() {
        assertCaught(KeelArchitectureRules.ONLY_THE_CLI_EXITS, "java.lang.Runtime.halt", BootstrapHalting.class);
    }

    @Test
    void cli_printing_and_exiting_passes() {
        assertAllowed(KeelArchitectureRules.ONLY_THE_CLI_TOUCHES_STANDARD_STREAMS,
                CliPrintingAndExiting.class, SharedJdbcPiece.class);
        assertAllowed(KeelArchitectureRules.ONLY_THE_CLI_EXITS, CliPrintingAndExiting.class, SharedJdbcPiece.class);
    }

    // 4. structure and names

    @Test
    void cycle_between_sub_packages_is_caught() {
        assertCaught(KeelArchitectureRules.PACKAGES_ARE_FREE_OF_CYCLES,
                CycleA.class.getName(), CycleA.class, CycleB.class);
    }

    @Test
    void cycle_between_modules_is_caught() {
        assertCaught(KeelArchitectureRules.MODULE_PACKAGES_ARE_FREE_OF_CYCLES,
                JdbcCycleSide.class.getName(), JdbcCycleSide.class, TestkitCycleSide.class);
    }

    @ParameterizedTest
    @ValueSource(classes = {FooManager.class, FooUtil.class, FooUtils.class, FooHelper.class, FooImpl.class})
    void catch_all_class_name_is_caught(Class<?> badlyNamed) {
        assertCaught(KeelArchitectureRules.NO_CATCH_ALL_CLASS_NAMES, badlyNamed.getName(), badlyNamed);
    }

    // 5. the published SPI

    @Test
    void public_spi_type_without_api_is_caught() {
        assertCaught(KeelArchitectureRules.PUBLIC_SPI_TYPES_CARRY_API_STATUS,
                UnannotatedPort.class.getName(), UnannotatedPort.class);
    }

    @Test
    void annotated_spi_type_covers_nested_types_and_package_info_is_exempt() {
        JavaClasses compliant = new ClassFileImporter().importPackages("dev.keel.spi.fixture.compliant");
        assertTrue(compliant.contain("dev.keel.spi.fixture.compliant.AnnotatedPort$Value"));
        assertDoesNotThrow(() -> KeelArchitectureRules.PUBLIC_SPI_TYPES_CARRY_API_STATUS.check(compliant));
    }

    // the fixtures above must never reach the production check

    @Test
    void production_import_excludes_test_classes_and_fixtures() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(new KeelJarsOnly())
                .importPackages("dev.keel");
        assertTrue(production.contain("dev.keel.spi.Api"), "engine-core classes are imported");
        assertTrue(production.contain("dev.keel.dialect.sqlite.SqliteDialectProvider"), "adapter classes are imported");
        assertTrue(production.contain("dev.keel.bootstrap.Keel"), "bootstrap classes are imported");
        assertFalse(production.stream().anyMatch(c -> c.getPackageName().contains(".fixture")),
                "no fixture class is imported");
        assertFalse(production.stream().anyMatch(c -> c.getPackageName().startsWith("dev.keel.architecture")),
                "no architecture test class is imported");
        assertFalse(production.contain(CoreUsingJdbc.class.getName()));
    }
}
