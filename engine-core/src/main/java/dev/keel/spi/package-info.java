/**
 * Keel's service provider interface: errors, problems and the API-status annotation shared by every port.
 */
package dev.keel.spi;
