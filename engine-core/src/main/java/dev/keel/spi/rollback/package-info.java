/**
 * The values of a rollback plan (SPEC §8): its steps, their findings and the data each destroys.
 */
package dev.keel.spi.rollback;
