/**
 * Reads keel.yaml, KEEL_* variables and explicit values into resolved settings.
 */
package dev.keel.bootstrap.config;
