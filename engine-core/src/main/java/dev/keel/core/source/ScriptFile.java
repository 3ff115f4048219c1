package dev.keel.core.source;

import java.util.Objects;
import java.util.Optional;

/**
 * A migration file read without problems.
 *
 * @param named the file and its name
 * @param up    the UP part; empty for a DOWN file
 * @param down  the DOWN part: the whole of a DOWN file, or the section after a DOWN marker
 */
record ScriptFile(NamedFile named, Optional<ScriptPart> up, Optional<ScriptPart> down) {

    ScriptFile {
        Objects.requireNonNull(named, "named");
        Objects.requireNonNull(up, "up");
        Objects.requireNonNull(down, "down");
    }
}
