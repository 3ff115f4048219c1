/**
 * Makes history agree with reviewed files.
 */
package dev.keel.core.repair;
