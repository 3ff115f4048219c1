/**
 * The keel command line: picocli commands, text and JSON renderers, exit codes.
 */
package dev.keel.cli;
