/**
 * The MySQL and MariaDB dialect, over mysql-connector-j: splitting scripts into statements as the {@code mysql}
 * client reads them ({@code DELIMITER}, backticks, {@code #} comments, executable comments, routine bodies written
 * without {@code DELIMITER}), the capabilities of a database whose DDL commits implicitly, the {@code GET_LOCK}
 * migration lock, server detection (MariaDB or MySQL, major and minor version), the schema fingerprint read from
 * {@code information_schema}, row counts and the history-table SQL.
 */
package dev.keel.dialect.mysql;
