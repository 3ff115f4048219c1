/**
 * What lint shares between the engine and the rule test kit: the migration as rules see it.
 */
package dev.keel.core.lint;
