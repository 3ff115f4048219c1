/**
 * Engine events that the CLI renders and embedding programs can observe.
 */
package dev.keel.spi.event;
