/**
 * The SQLite dialect: splitting scripts into statements (quotes, comments and trigger bodies as
 * SQLite reads them), the database's capabilities, locking, introspection and the history-table
 * SQL, for databases reached through the xerial {@code sqlite-jdbc} driver.
 */
package dev.keel.dialect.sqlite;
