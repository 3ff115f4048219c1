/**
 * Keel's built-in schema policies: the MySQL/MariaDB {@code type-normalisation} pack, checked on the schema after
 * migrating, with the {@code ALTER TABLE} statements that fix what it finds.
 */
package dev.keel.rules.policy;
