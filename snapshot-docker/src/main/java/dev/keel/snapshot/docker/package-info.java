/**
 * The Docker volume snapshot strategy.
 */
package dev.keel.snapshot.docker;
