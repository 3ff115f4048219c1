/**
 * The file-copy snapshot strategy (SQLite backup API, server data directories).
 */
package dev.keel.snapshot.filecopy;
