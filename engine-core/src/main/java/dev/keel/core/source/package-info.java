/**
 * Reads migration files in every supported form into migration scripts for one dialect.
 */
package dev.keel.core.source;
