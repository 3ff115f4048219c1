/**
 * The snapshot-strategy plugin entry point.
 */
package dev.keel.spi.snapshot;
