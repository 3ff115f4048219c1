/**
 * Lint findings, risk and severity, and the rule-plugin entry point.
 */
package dev.keel.spi.rule;
