/**
 * Protection of runs that a transaction cannot make all-or-nothing (SPEC §6): the journal of work in progress under
 * {@code .keel/}, the local run lock, the audit log, snapshot-protected runs, manual snapshot sessions, recovery after
 * a crash, and post-migration hooks.
 */
package dev.keel.bootstrap.protect;
