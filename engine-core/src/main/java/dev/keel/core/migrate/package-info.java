/**
 * Plans and applies migrations under the migration lock.
 */
package dev.keel.core.migrate;
