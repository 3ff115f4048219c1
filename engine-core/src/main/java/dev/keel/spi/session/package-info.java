/**
 * The port through which Keel and its plugins run SQL: one connection ({@link dev.keel.spi.session.DatabaseSession})
 * and the rows it returns, with no {@code java.sql} type in sight. Depends only on {@code dev.keel.spi}, so that
 * dialects, snapshot strategies and the history port can all use it without depending on each other.
 */
package dev.keel.spi.session;
