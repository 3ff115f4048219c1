/**
 * The composition root: configuration, provider discovery, plugin class loaders, Guice wiring and the Keel facade.
 */
package dev.keel.bootstrap;
