/**
 * JDBC sessions, the HikariCP pool, the portable history table and URL masking shared by the dialects.
 */
package dev.keel.jdbc;
