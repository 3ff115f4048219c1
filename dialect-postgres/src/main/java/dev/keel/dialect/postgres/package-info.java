/**
 * The PostgreSQL dialect (statement splitting, capabilities, advisory lock, introspection).
 */
package dev.keel.dialect.postgres;
