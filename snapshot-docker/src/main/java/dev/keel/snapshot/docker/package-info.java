/**
 * The {@code docker} snapshot strategy: the data of a database container (a named volume or a bind mount), copied
 * out through the Docker Engine API's archive endpoint while the container is stopped, and put back the same way.
 */
package dev.keel.snapshot.docker;
