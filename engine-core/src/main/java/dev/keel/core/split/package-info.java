/**
 * A small toolkit for writing a dialect's statement splitter: a {@link dev.keel.core.split.ScriptCursor} over the
 * script (reading, skipping quotes and comments, lines and columns), a
 * {@link dev.keel.core.split.StatementCollector} that cuts statements from their first to their last token, and
 * {@link dev.keel.core.split.Unterminated} for the "unterminated …" errors. The language itself — which characters
 * quote, which comments exist, which blocks hold semicolons — stays in the dialect.
 */
package dev.keel.core.split;
