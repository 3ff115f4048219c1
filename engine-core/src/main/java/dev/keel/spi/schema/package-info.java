/**
 * A database schema as schema policies see it: tables with their columns (type, nullability, default, character
 * set), primary keys, indexes and foreign keys, read by a dialect from the live database
 * ({@link dev.keel.spi.dialect.Dialect#schema}). Depends on nothing else in the SPI.
 */
package dev.keel.spi.schema;
