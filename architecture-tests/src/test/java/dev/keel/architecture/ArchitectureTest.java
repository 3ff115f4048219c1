package dev.keel.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Checks the rules of ARCHITECTURE.md against Keel's production classes (test classes and fixtures excluded). */
@AnalyzeClasses(packages = "dev.keel", importOptions = {ImportOption.DoNotIncludeTests.class, KeelJarsOnly.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule spi_and_core_depend_only_on_themselves_and_the_jdk =
            KeelArchitectureRules.SPI_AND_CORE_DEPEND_ONLY_ON_THEMSELVES_AND_THE_JDK;

    @ArchTest
    static final ArchRule spi_and_core_do_not_use_infrastructure_libraries =
            KeelArchitectureRules.SPI_AND_CORE_DO_NOT_USE_INFRASTRUCTURE_LIBRARIES;

    @ArchTest
    static final ArchRule spi_and_core_start_no_processes = KeelArchitectureRules.SPI_AND_CORE_START_NO_PROCESSES;

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = KeelArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER;

    @ArchTest
    static final ArchRule cli_reaches_the_engine_only_through_bootstrap =
            KeelArchitectureRules.CLI_REACHES_THE_ENGINE_ONLY_THROUGH_BOOTSTRAP;

    @ArchTest
    static final ArchRule only_bootstrap_uses_service_loader = KeelArchitectureRules.ONLY_BOOTSTRAP_USES_SERVICE_LOADER;

    @ArchTest
    static final ArchRule only_bootstrap_uses_guice = KeelArchitectureRules.ONLY_BOOTSTRAP_USES_GUICE;

    @ArchTest
    static final ArchRule only_the_cli_touches_standard_streams = KeelArchitectureRules.ONLY_THE_CLI_TOUCHES_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule only_the_cli_exits = KeelArchitectureRules.ONLY_THE_CLI_EXITS;

    @ArchTest
    static final ArchRule module_packages_are_free_of_cycles = KeelArchitectureRules.MODULE_PACKAGES_ARE_FREE_OF_CYCLES;

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = KeelArchitectureRules.PACKAGES_ARE_FREE_OF_CYCLES;

    @ArchTest
    static final ArchRule no_catch_all_class_names = KeelArchitectureRules.NO_CATCH_ALL_CLASS_NAMES;

    @ArchTest
    static final ArchRule public_spi_types_carry_api_status = KeelArchitectureRules.PUBLIC_SPI_TYPES_CARRY_API_STATUS;
}
