/**
 * Keel's built-in lint rules, shipped through the same SPI third parties use.
 */
package dev.keel.rules;
