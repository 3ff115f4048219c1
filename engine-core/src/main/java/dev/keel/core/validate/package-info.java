/**
 * Compares migration files with the history table.
 */
package dev.keel.core.validate;
