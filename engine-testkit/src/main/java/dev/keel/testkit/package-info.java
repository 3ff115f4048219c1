/**
 * Contract tests for each port and database provisioning, published for adapter and plugin authors.
 */
package dev.keel.testkit;
