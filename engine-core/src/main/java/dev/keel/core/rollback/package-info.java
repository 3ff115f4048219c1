/**
 * Rollback on purpose (SPEC §8): choosing the migrations to undo, checking their DOWN scripts, measuring the data
 * they destroy on the live database, and running them newest first.
 */
package dev.keel.core.rollback;
