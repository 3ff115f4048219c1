/**
 * The MySQL and MariaDB dialect (statement splitting, capabilities, GET_LOCK, introspection).
 */
package dev.keel.dialect.mysql;
