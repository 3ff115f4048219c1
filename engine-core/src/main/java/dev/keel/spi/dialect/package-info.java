/**
 * The database-family port: capabilities, statement splitting, locks, sessions and history SQL.
 */
package dev.keel.spi.dialect;
