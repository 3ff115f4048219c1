/**
 * Contract tests for each port, database provisioning, and the rule test kit ({@link dev.keel.testkit.RuleTester}),
 * published for adapter and plugin authors.
 */
package dev.keel.testkit;
