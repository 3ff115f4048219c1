/**
 * Migration values (versions, checksums, scripts, history rows, plans, reports) and the ports that list files and keep history.
 */
package dev.keel.spi.migration;
