/**
 * Migration sources: directories and classpath folders.
 */
package dev.keel.bootstrap.source;
