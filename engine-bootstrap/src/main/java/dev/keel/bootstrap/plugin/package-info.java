/**
 * ServiceLoader discovery of providers on the classpath and in plugin jars.
 */
package dev.keel.bootstrap.plugin;
