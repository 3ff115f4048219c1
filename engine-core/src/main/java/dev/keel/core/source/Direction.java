package dev.keel.core.source;

/** Which way a file or section of a file migrates. */
enum Direction {
    UP,
    DOWN
}
